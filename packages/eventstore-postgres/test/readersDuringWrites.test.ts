import { describe, expect, it } from 'vitest';
import { batchesSeen, collect, writeBatchesInGroups } from '@clientele/eventstore/testing';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import { connectionString, usePostgres } from '../../../test/support/postgres.js';

const { available, throwawaySchema, closeAfterTest } = await usePostgres();

const BATCHES = 120;
const COMMANDS_PER_COMMIT = 4;

describe.runIf(available)('PostgreSQL readers while another connection writes', () => {
  it('never see a half batch or a half group, however the reads and the commits interleave', async () => {
    const schema = throwawaySchema();
    // Two stores, two pools: the writer's transactions and the reader's statements are separate
    // sessions on the server, as two processes' would be.
    const writer = closeAfterTest(createPostgresEventStore({ connectionString, schema }));
    const reader = closeAfterTest(createPostgresEventStore({ connectionString, schema }));
    await writer.headPosition();
    const writing = writeBatchesInGroups(writer, {
      batches: BATCHES,
      commandsPerCommit: COMMANDS_PER_COMMIT,
    });
    const progress = { finished: false };
    void writing.finally(() => (progress.finished = true));
    let readsWhileWriting = 0;
    let seen = 0;
    // The log shows a commit once no older transaction anywhere on the server is open (its
    // fence), so on a busy server the reader keeps reading a while after the writer is done.
    const deadline = Date.now() + 30_000;
    while (seen < BATCHES && Date.now() < deadline) {
      if (!progress.finished) readsWhileWriting += 1;
      const batches = batchesSeen(await collect(reader.readAll()));
      expect(batches.filter((batch) => batch.count !== batch.of)).toEqual([]);
      expect(batches.length % COMMANDS_PER_COMMIT, 'whole groups only').toBe(0);
      seen = batches.length;
    }
    await writing;
    expect(seen).toBe(BATCHES);
    expect(readsWhileWriting).toBeGreaterThan(0);
  }, 60_000);
});
