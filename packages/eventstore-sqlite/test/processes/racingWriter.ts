/**
 * One of several processes appending to the same stream with expected revisions. Arguments: the
 * store file, a writer name, the epoch millisecond to start at, how long to run. Each round reads
 * the stream's revision and appends one event expecting it; another process often gets there
 * first. Prints one JSON line at the end: the revisions won, the conflicts, the other errors.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { childEvent } from './processMetadata.js';

const [file = '', writer = '', startAt = '0', durationMs = '0'] = process.argv.slice(2);
const store = createSqliteEventStore({ file });
const stream = 'Race-shared';
const wins: string[] = [];
const errors: string[] = [];
let conflicts = 0;
let malformedConflicts = 0;

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const stopAt = Number(startAt) + Number(durationMs);
for (let n = 0; Date.now() < stopAt; n += 1) {
  try {
    const expected = await store.streamRevision(stream);
    const result = await store.appendToStream(stream, [childEvent('Raced', { writer, n })], {
      expectedRevision: expected,
    });
    if (E.isRight(result)) {
      wins.push(result.right.firstRevision.toString());
    } else {
      conflicts += 1;
      const conflict = result.left;
      if (conflict.expected !== expected) {
        malformedConflicts += 1;
      }
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
}
await store.close();
process.stdout.write(
  `${JSON.stringify({ writer, wins, conflicts, malformedConflicts, errors })}\n`,
);
