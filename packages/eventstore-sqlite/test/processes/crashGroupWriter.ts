/**
 * The batched path of the crash test: appends multi-event batches, one command each, inside one
 * group commit that commits every few commands, until it is killed. After each commit it prints
 * `ack <batch> <stream> <firstRevision> <size>` for every command the commit made durable; a
 * command's batch is never acknowledged before its commit. Every fifth command is sent a second
 * time with the same command id (and fresh events of the same batch): the store must answer with
 * the first result and write nothing, so a second copy would show as a half-written batch.
 */
import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { CurrentRevision } from '@clientele/eventstore';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { childEvent } from './processMetadata.js';

const [file = '', commandsPerCommit = '4'] = process.argv.slice(2);
const store = createSqliteEventStore({ file });
const streams = Array.from({ length: 8 }, (_, n) => `Crash-${n}`);
const revisions = new Map<string, CurrentRevision>();
for (const stream of streams) revisions.set(stream, await store.streamRevision(stream));
const perCommit = Number(commandsPerCommit);
process.stdout.write('ready\n');

const batchOf = (batch: string, size: number) =>
  Array.from({ length: size }, (_, index) =>
    childEvent('BatchPartWritten', { batch, index, of: size, padding: 'x'.repeat(300) }),
  );

await store.groupCommit(
  async (commandDone) => {
    let unacknowledged: string[] = [];
    for (let n = 1; ; n += 1) {
      const stream = streams[Math.floor(Math.random() * streams.length)] as string;
      const size = 1 + Math.floor(Math.random() * 6);
      const batch = uuidv7();
      const commandId = uuidv7();
      const options = { expectedRevision: revisions.get(stream) ?? 'no_stream', commandId };
      const result = await store.appendToStream(stream, batchOf(batch, size), options);
      if (E.isLeft(result)) throw new Error(`a lone writer met a conflict: ${result.left.message}`);
      if (n % 5 === 0) {
        const again = await store.appendToStream(stream, batchOf(batch, size), { commandId });
        if (E.isLeft(again) || !again.right.duplicate)
          throw new Error('a command id sent twice in one group was written twice');
      }
      revisions.set(stream, result.right.nextExpectedRevision);
      unacknowledged.push(`ack ${batch} ${stream} ${result.right.firstRevision} ${size}\n`);
      await commandDone();
      if (n % perCommit === 0) {
        process.stdout.write(unacknowledged.join(''));
        unacknowledged = [];
      }
    }
  },
  { commandsPerCommit: perCommit },
);
