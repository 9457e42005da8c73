import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { startScript, tempStoreFile } from './support/childScripts.js';

const WRITERS = 4;
const RUN_MS = 4_000;

interface WriterReport {
  readonly writer: string;
  readonly wins: readonly string[];
  readonly conflicts: number;
  readonly malformedConflicts: number;
  readonly errors: readonly string[];
}

describe('four processes appending to one stream with expected revisions', () => {
  const { file, remove } = tempStoreFile();
  afterAll(remove);

  it('lose no update, report every lost race as a conflict, and never see "database is locked"', async () => {
    // Create the file first, so the writers race on appends rather than on the first migration.
    await createSqliteEventStore({ file }).close();
    const startAt = Date.now() + 3_000;
    const writers = Array.from({ length: WRITERS }, (_, n) =>
      startScript('racingWriter.ts', [file, `writer-${n}`, String(startAt), String(RUN_MS)]),
    );
    const reports = await Promise.all(
      writers.map(async (writer) => {
        const line = await writer.nextLine((l) => l.startsWith('{'));
        expect(await writer.exited, writer.stderr()).toBe(0);
        return JSON.parse(line) as WriterReport;
      }),
    );

    const store = createSqliteEventStore({ file });
    const events = await collect(store.readStream('Race-shared'));
    await store.close();

    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.reduce((sum, report) => sum + report.malformedConflicts, 0)).toBe(0);
    const wins = reports.flatMap((report) =>
      report.wins.map((revision) => ({ writer: report.writer, revision: BigInt(revision) })),
    );
    // Every acknowledged append is in the stream, at the revision it was told, by its writer.
    expect(events).toHaveLength(wins.length);
    for (const win of wins) {
      expect(events[Number(win.revision)]?.data).toMatchObject({ writer: win.writer });
    }
    expect(events.map((event) => event.streamRevision)).toEqual(
      events.map((_, revision) => BigInt(revision)),
    );
    const conflicts = reports.reduce((sum, report) => sum + report.conflicts, 0);
    console.log(
      `multi-process: ${WRITERS} writers for ${RUN_MS} ms: ${wins.length} appends won, ${conflicts} conflicts reported, 0 errors`,
    );
    expect(conflicts).toBeGreaterThan(0);
    expect(reports.every((report) => report.wins.length > 0)).toBe(true);
  });
});
