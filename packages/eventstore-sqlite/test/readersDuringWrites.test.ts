import { describe, expect, it } from 'vitest';
import { batchesSeen, collect } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { startScript, tempStoreFile } from './support/childScripts.js';

const BATCHES = 200;
const COMMANDS_PER_COMMIT = 4;

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
