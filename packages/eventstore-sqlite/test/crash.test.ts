import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { startScript, tempStoreFile } from './support/childScripts.js';

const KILLS = 20;

interface Ack {
  readonly batch: string;
  readonly stream: string;
  readonly firstRevision: bigint;
  readonly size: number;
}

const parseAck = (line: string): Ack | undefined => {
  const [word, batch, stream, first, size] = line.split(' ');
  if (word !== 'ack' || batch === undefined || stream === undefined) return undefined;
  return { batch, stream, firstRevision: BigInt(first ?? '-1'), size: Number(size) };
};

/** Checks what a killed writer left behind; returns the number of events in the file. */
const verifyStore = async (file: string, acks: readonly Ack[]): Promise<number> => {
  const store = createSqliteEventStore({ file });
  try {
    const db = store.database;
    const log = db.prepare('SELECT count(*) AS n, max(position) AS last FROM events').get() as {
      n: number;
      last: number | null;
    };
    expect(log.last ?? 0, 'the global log has no gap').toBe(log.n);
    const streams = db
      .prepare(
        'SELECT stream_name, count(*) AS n, min(stream_revision) AS first, max(stream_revision) AS last FROM events GROUP BY stream_name',
      )
      .all() as { stream_name: string; n: number; first: number; last: number }[];
    for (const stream of streams) {
      expect([stream.first, stream.last], `revisions of ${stream.stream_name}`).toEqual([
        0,
        stream.n - 1,
      ]);
    }
    const halfWritten = db
      .prepare(
        `SELECT json_extract(data, '$.batch') AS batch FROM events GROUP BY batch
         HAVING count(*) != max(json_extract(data, '$.of')) OR count(DISTINCT stream_name) != 1
             OR max(stream_revision) - min(stream_revision) != count(*) - 1`,
      )
      .all();
    expect(halfWritten, 'batches written in part').toEqual([]);
    for (const ack of acks) {
      const events = await collect(
        store.readStream(ack.stream, { fromRevision: ack.firstRevision, maxCount: ack.size }),
      );
      expect(
        events.map((event) => event.data),
        `acknowledged batch ${ack.batch}`,
      ).toMatchObject(
        Array.from({ length: ack.size }, (_, index) => ({ batch: ack.batch, index })),
      );
    }
    return log.n;
  } finally {
    await store.close();
  }
};

/** The writers killed: one transaction per append, and the group commit of bulk imports. */
const WRITERS = [
  { name: 'a writer killed with SIGKILL', script: 'crashWriter.ts', args: [], kills: KILLS },
  {
    name: 'a group-commit writer killed with SIGKILL',
    script: 'crashGroupWriter.ts',
    args: ['4'],
    kills: 6,
  },
] as const;

describe.each(WRITERS)('$name', ({ script, args, kills }) => {
  const { file, remove } = tempStoreFile();
  afterAll(remove);

  it(`loses no acknowledged batch and leaves no half-written one, at ${String(kills)} random moments`, async () => {
    let acknowledged = 0;
    let events = 0;
    for (let kill = 0; kill < kills; kill += 1) {
      const writer = startScript(script, [file, ...args]);
      await writer.nextLine((line) => line === 'ready');
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 300));
      writer.child.kill('SIGKILL');
      expect(await writer.exited, writer.stderr()).toBe('SIGKILL');
      const acks = writer.lines.map(parseAck).filter((ack) => ack !== undefined);
      acknowledged += acks.length;
      events = await verifyStore(file, acks);
    }
    console.log(
      `crash test (${script}): ${String(kills)} kills, ${String(acknowledged)} acknowledged batches, ${String(events)} events, all intact`,
    );
    expect(acknowledged).toBeGreaterThan(kills);
  });
});
