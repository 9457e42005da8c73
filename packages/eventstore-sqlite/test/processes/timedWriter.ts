/**
 * Appends `count` events to the store file, one every `intervalMs`, each stamped with the moment
 * its append began (`performance.timeOrigin + performance.now()`, comparable across processes on
 * one machine), then prints `done`. Arguments: file, count, intervalMs.
 */
import * as E from 'fp-ts/lib/Either.js';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { childEvent } from './processMetadata.js';

const [file = '', count = '0', intervalMs = '0'] = process.argv.slice(2);
const store = createSqliteEventStore({ file });
for (let n = 0; n < Number(count); n += 1) {
  await new Promise((resolve) => setTimeout(resolve, Number(intervalMs)));
  const sentAt = performance.timeOrigin + performance.now();
  const result = await store.appendToStream('Timed-1', [childEvent('Timed', { n, sentAt })]);
  if (E.isLeft(result)) throw new Error(result.left.message);
}
await store.close();
process.stdout.write('done\n');
