import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogSeal } from '@clientele/eventstore';
import {
  createHmacSigner,
  eventHash,
  exportLogHead,
  sealLog,
  verifyLog,
  withHashChain,
} from '@clientele/eventstore';
import { testEvent } from '@clientele/eventstore/testing';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';

const signer = createHmacSigner('audit', new Uint8Array(32).fill(9));
const dir = mkdtempSync(join(tmpdir(), 'clientele-tamper-'));
const template = join(dir, 'template.db');
let head: LogSeal;
let size = 0;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** 40 events over 5 streams, sealed after 15 and 30, and a head exported at the end. */
beforeAll(async () => {
  const store = withHashChain(createSqliteEventStore({ file: template }));
  for (let n = 0; n < 40; n += 1) {
    await store.appendToStream(`Lead-${n % 5}`, [
      testEvent(
        'LeadTouched',
        { n, note: `called about order ${n}` },
        { actor: { id: `rep-${n % 3}`, role: 'sales_rep' } },
      ),
    ]);
    if (n === 14 || n === 29) await sealLog(store, signer);
  }
  head = await exportLogHead(store, signer);
  await store.close();
  const raw = new Database(template);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  size = (raw.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  raw.close();
});

interface Row {
  position: number;
  stream_name: string;
  stream_revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** Replaces one byte of a text with another printable character: the result may or may not parse. */
const flipByte = (text: string, pick: number): string => {
  const at = pick % text.length;
  const code = text.charCodeAt(at);
  const replacement = String.fromCharCode(
    code === 0x7e ? 0x21 : code < 0x21 || code > 0x7e ? 0x41 : code + 1,
  );
  return `${text.slice(0, at)}${replacement}${text.slice(at + 1)}`;
};

type Tampering = (db: Database.Database, rows: Row[]) => void;

/** The sealed store holds 40 events, 3 seals… 42 rows; the tamperings pick among them. */
const EVENTS = 42;
const byPosition = (rows: Row[], index: number) => rows[index % rows.length] as Row;

const tamperings: fc.Arbitrary<{ name: string; tamper: Tampering }> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat()).map(([i, pick]) => ({
    name: `change a byte of the data of event #${i}`,
    tamper: (db: Database.Database, rows: Row[]) => {
      const row = byPosition(rows, i);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        flipByte(row.data, pick),
        row.position,
      );
    },
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([i, pick]) => ({
    name: `change a byte of the metadata of event #${i}`,
    tamper: (db: Database.Database, rows: Row[]) => {
      const row = byPosition(rows, i);
      db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(
        flipByte(row.metadata, pick),
        row.position,
      );
    },
  })),
  fc.nat().map((i) => ({
    name: `delete event #${i}`,
    tamper: (db: Database.Database, rows: Row[]) => {
      db.prepare('DELETE FROM events WHERE position = ?').run(byPosition(rows, i).position);
    },
  })),
  fc
    .tuple(fc.nat(), fc.nat())
    .filter(([a, b]) => a % EVENTS !== b % EVENTS)
    .map(([a, b]) => ({
      name: `swap the positions of events #${a} and #${b}`,
      tamper: (db: Database.Database, rows: Row[]) => {
        const [x, y] = [byPosition(rows, a).position, byPosition(rows, b).position];
        db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(x);
        db.prepare('UPDATE events SET position = ? WHERE position = ?').run(x, y);
        db.prepare('UPDATE events SET position = ? WHERE position = -1').run(y);
      },
    })),
  fc.nat().map((i) => ({
    name: `insert a forged, self-chained event before #${i}`,
    tamper: (db: Database.Database, rows: Row[]) => {
      const before = byPosition(rows, i);
      for (const row of [...rows].reverse()) {
        if (row.position >= before.position)
          db.prepare('UPDATE events SET position = ? WHERE position = ?').run(
            row.position + 1,
            row.position,
          );
      }
      const forged = testEvent('LeadTouched', { n: 999 });
      const chain = eventHash(forged, 'Lead-forged', 0n, null);
      db.prepare(
        'INSERT INTO events (position, stream_name, stream_revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)',
      ).run(
        before.position,
        'Lead-forged',
        forged.eventId,
        forged.type,
        JSON.stringify(forged.data),
        JSON.stringify({ ...forged.metadata, chain }),
        before.recorded_at,
      );
    },
  })),
  fc.nat().map((i) => ({
    name: `change event #${i} and recompute its stream's unsigned chain`,
    tamper: (db: Database.Database, rows: Row[]) => {
      const target = byPosition(rows, i);
      let previous: string | null = null;
      for (const row of rows.filter((r) => r.stream_name === target.stream_name)) {
        const data =
          row.position === target.position
            ? JSON.stringify({ ...(JSON.parse(row.data) as object), note: 'rewritten' })
            : row.data;
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        const chain = eventHash(
          {
            type: row.type,
            data: JSON.parse(data),
            eventId: row.event_id,
            metadata: metadata as never,
          },
          row.stream_name,
          BigInt(row.stream_revision),
          previous,
        );
        previous = chain;
        db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(
          data,
          JSON.stringify({ ...metadata, chain }),
          row.position,
        );
      }
    },
  })),
);

let run = 0;
const verifyCopy = async (tamper?: Tampering) => {
  run += 1;
  const file = join(dir, `run-${run}.db`);
  copyFileSync(template, file);
  if (tamper !== undefined) {
    const db = new Database(file);
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
    tamper(db, rows);
    db.close();
  }
  const store = createSqliteEventStore({ file });
  try {
    return await verifyLog(store, { signer, trustedHead: head });
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
};

describe('tampering with a SQLite store file', () => {
  it('verifies the untouched store clean', async () => {
    expect(size).toBe(EVENTS);
    expect(await verifyCopy()).toEqual(
      E.right(expect.objectContaining({ events: 42, sealsChecked: 2, headChecked: true })),
    );
  });

  it('detects 1,000 random tamperings of the raw rows, each by a named anchor', async () => {
    const anchors = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(tamperings, async ({ name, tamper }) => {
        const result = await verifyCopy(tamper);
        expect(E.isLeft(result), name).toBe(true);
        if (E.isLeft(result)) {
          expect(['stream chain', 'seal', 'signed head']).toContain(result.left.anchor);
          anchors.set(result.left.anchor, (anchors.get(result.left.anchor) ?? 0) + 1);
        }
      }),
      { numRuns: 1_000 },
    );
    console.log(
      `1,000 tamperings detected by anchor: ${JSON.stringify(Object.fromEntries(anchors))}`,
    );
  }, 300_000);

  it('detects events deleted after the last seal against the exported head', async () => {
    const result = await verifyCopy((db) => {
      db.prepare(
        'DELETE FROM events WHERE position > (SELECT max(position) - 3 FROM events)',
      ).run();
    });
    expect(E.isLeft(result) && result.left.anchor).toBe('signed head');
  });
});
