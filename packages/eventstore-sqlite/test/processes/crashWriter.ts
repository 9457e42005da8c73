/**
 * Appends multi-event batches to the store file given as the first argument until it is killed,
 * printing `ack <batch> <stream> <firstRevision> <size>` after each append the store acknowledged.
 * Each event carries its batch id, its index and the batch size, so a half-written batch shows.
 */
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { CurrentRevision } from '@clientele/eventstore';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { childEvent } from './processMetadata.js';

const [file = ''] = process.argv.slice(2);
const store = createSqliteEventStore({ file });
const streams = Array.from({ length: 8 }, (_, n) => `Crash-${n}`);
const revisions = new Map<string, CurrentRevision>();
for (const stream of streams) revisions.set(stream, await store.streamRevision(stream));
process.stdout.write('ready\n');

for (let n = 0; ; n += 1) {
  const stream = streams[Math.floor(Math.random() * streams.length)] as string;
  const size = 1 + Math.floor(Math.random() * 6);
  const batch = uuidv7();
  const events = Array.from({ length: size }, (_, index) =>
    childEvent('BatchPartWritten', { batch, index, of: size, padding: 'x'.repeat(300) }),
  );
  const result = await store.appendToStream(stream, events, {
    expectedRevision: revisions.get(stream) ?? 'no_stream',
  });
  if (E.isLeft(result)) throw new Error(`a lone writer met a conflict: ${result.left.message}`);
  revisions.set(stream, result.right.nextExpectedRevision);
  process.stdout.write(`ack ${batch} ${stream} ${result.right.firstRevision} ${size}\n`);
}
