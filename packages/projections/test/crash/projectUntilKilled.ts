/**
 * The process the crash test kills: projects the ledger of a SQLite file into read models kept in
 * the same file, in small batches, printing `started` once it has begun. Run with
 * `node --import tsx projectUntilKilled.ts <file> <batchSize>`.
 */
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { createProjectionRunner } from '../../src/runner/projectionRunner.js';
import { createSqliteReadModelStore } from '../../src/sqlite/sqliteReadModelStore.js';
import { balances, eventsPerType } from '../../src/testing/syntheticLedger.js';

const [file, batchSize] = process.argv.slice(2);
if (file === undefined || batchSize === undefined) {
  throw new Error('usage: projectUntilKilled.ts <file> <batchSize>');
}
const events = createSqliteEventStore({ file });
const readModels = createSqliteReadModelStore({ database: events.database });
const runner = createProjectionRunner({
  events,
  readModels,
  projections: [balances, eventsPerType],
  batchSize: Number(batchSize),
});
process.stdout.write('started\n');
const read = await runner.catchUp();
process.stdout.write(`done ${read}\n`);
await events.close();
