import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@clientele/eventstore';
import { collect } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { startScript, tempStoreFile } from './support/childScripts.js';

const BATCHES = 200;
const COMMANDS_PER_COMMIT = 4;

/** The batches a read saw, each with how many of its events it saw and how many it has. */
const batchesSeen = (events: readonly RecordedEvent[]) => {
  const seen = new Map<string, { count: number; of: number }>();
  for (const { data } of events) {
    const part = data as { batch: string; of: number };
    const entry = seen.get(part.batch) ?? { count: 0, of: part.of };
    seen.set(part.batch, { ...entry, count: entry.count + 1 });
  }
  return [...seen.values()];
};

describe('SQLite readers while another process writes', () => {
  it('never see a half batch or a half group, however the reads and the commits interleave', async () => {
    const location = tempStoreFile();
    const reader = createSqliteEventStore({ file: location.file });
    try {
      await reader.headPosition();
      const writer = startScript('batchWriter.ts', [
        location.file,
        String(BATCHES),
        String(COMMANDS_PER_COMMIT),
      ]);
      await writer.nextLine((line) => line === 'ready');
      const progress = { finished: false };
      void writer.exited.then(() => (progress.finished = true));
      const partialReads: number[] = [];
      while (!progress.finished) {
        const batches = batchesSeen(await collect(reader.readAll()));
        expect(batches.filter((batch) => batch.count !== batch.of)).toEqual([]);
        expect(batches.length % COMMANDS_PER_COMMIT, 'whole groups only').toBe(0);
        if (batches.length > 0 && batches.length < BATCHES) partialReads.push(batches.length);
        // SQLite reads resolve without I/O: let the child's exit event through between reads.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await writer.exited, writer.stderr()).toBe(0);
      expect(batchesSeen(await collect(reader.readAll()))).toHaveLength(BATCHES);
      // The reads did overlap the writing: some saw part of the log, not only none or all of it.
      expect(partialReads.length).toBeGreaterThan(0);
    } finally {
      await reader.close();
      location.remove();
    }
  }, 60_000);
});
