import type Database from 'better-sqlite3';
import type { IntegrationMessage } from '@clientele/outbox';

/**
 * A downstream system's own table of won revenue per sales rep, fed by DealWon messages. Each
 * message id is recorded in the same transaction as its effect, so a redelivery (the outbox
 * delivers at least once) changes nothing, and a crash leaves both or neither.
 */
export const createRevenueLedger = (database: Database.Database) => {
  database.exec(`
    CREATE TABLE IF NOT EXISTS handled_messages (message_id TEXT PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS won_revenue (
      owner_id TEXT NOT NULL, currency TEXT NOT NULL, amount_minor INTEGER NOT NULL,
      PRIMARY KEY (owner_id, currency)
    );`);
  const remember = database.prepare(
    'INSERT INTO handled_messages (message_id) VALUES (?) ON CONFLICT DO NOTHING',
  );
  const add = database.prepare(`
    INSERT INTO won_revenue (owner_id, currency, amount_minor) VALUES (?, ?, ?)
    ON CONFLICT (owner_id, currency) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor`);
  const handle = database.transaction((message: IntegrationMessage): 'handled' | 'duplicate' => {
    // The first insert of an id is the claim: a second delivery finds it and does nothing.
    if (remember.run(message.messageId).changes === 0) return 'duplicate';
    if (message.type === 'DealWon' && message.version === 1) {
      const { ownerId, amount } = message.data as {
        ownerId: string;
        amount: { amountMinor: number; currency: string };
      };
      add.run(ownerId, amount.currency, amount.amountMinor);
    }
    return 'handled';
  });
  return {
    handle,
    totals: () =>
      database
        .prepare('SELECT owner_id, currency, amount_minor FROM won_revenue ORDER BY owner_id')
        .all(),
  };
};
