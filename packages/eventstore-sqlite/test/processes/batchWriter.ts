/**
 * A writer for the readers-during-writes test: appends `batches` multi-event batches (one command
 * each, 2 to 6 events tagged with their batch, index and size) inside one group commit that
 * commits every `commandsPerCommit` commands, printing `ready` first and `done` at the end.
 */
import { writeBatchesInGroups } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { childEvent } from './processMetadata.js';

const [file = '', batches = '200', commandsPerCommit = '4'] = process.argv.slice(2);
const store = createSqliteEventStore({ file });
process.stdout.write('ready\n');

await writeBatchesInGroups(store, {
  batches: Number(batches),
  commandsPerCommit: Number(commandsPerCommit),
  event: childEvent,
});
await store.close();
process.stdout.write('done\n');
