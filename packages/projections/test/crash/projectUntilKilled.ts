/**
 * The process the crash test kills: projects the ledger of a SQLite file into read models kept in
 * the same file, in small batches, printing `started` once it has begun and `batch` after each batch. Run with
 * `node --import tsx projectUntilKilled.ts <file> <batchSize> [catchUp|rebuild]`.
 */
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { createProjectionRunner } from '../../src/runner/projectionRunner.js';
import { createSqliteReadModelStore } from '../../src/sqlite/sqliteReadModelStore.js';
import { balances, eventsPerType } from '../../src/testing/syntheticLedger.js';

const [file, batchSize, mode = 'catchUp'] = process.argv.slice(2);
if (file === undefined || batchSize === undefined) {
  throw new Error('usage: projectUntilKilled.ts <file> <batchSize> [catchUp|rebuild]');
}
const events = createSqliteEventStore({ file });
const readModels = createSqliteReadModelStore({ database: events.database });
const runner = createProjectionRunner({
  events,
  readModels,
  projections: [balances, eventsPerType],
  batchSize: Number(batchSize),
  // A first build or a rebuild commits every 20 batches and keeps at most 20 of the 50 account
  // documents in memory, so kills land between its commits and after evictions too.
  rebuildMaxDocuments: 20,
  // One line per batch, so the test can kill the process in the middle of a run.
  onProgress: () => process.stdout.write('batch\n'),
});
process.stdout.write('started\n');
const read = mode === 'rebuild' ? await runner.rebuild() : await runner.catchUp();
process.stdout.write(`done ${read}\n`);
await events.close();
