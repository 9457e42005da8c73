/**
 * A writer for the readers-during-writes test: appends `batches` multi-event batches (one command
 * each, 2 to 6 events tagged with their batch, index and size) inside one group commit that
 * commits every `commandsPerCommit` commands, printing `ready` first and `done` at the end.
 */
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { childEvent } from './processMetadata.js';

const [file = '', batches = '200', commandsPerCommit = '4'] = process.argv.slice(2);
const store = createSqliteEventStore({ file });
process.stdout.write('ready\n');

await store.groupCommit(
  async (commandDone) => {
    for (let n = 0; n < Number(batches); n += 1) {
      const batch = uuidv7();
      const size = 2 + (n % 5);
      const events = Array.from({ length: size }, (_, index) =>
        childEvent('BatchPartWritten', { batch, index, of: size }),
      );
      const result = await store.appendToStream(`Readers-${String(n % 7)}`, events);
      if (E.isLeft(result)) throw new Error(result.left.message);
      await commandDone();
    }
  },
  { commandsPerCommit: Number(commandsPerCommit) },
);
await store.close();
process.stdout.write('done\n');
