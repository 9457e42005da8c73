import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  createSqliteDataKeyStore,
  createSqliteEventStore,
  createSqliteSnapshotStore,
} from '@clientele/eventstore-sqlite';
import type { BenchEngine } from '../benchEngine.js';
import { timeEach } from '../measure.js';
import { sampleEvent } from '../workloads/sampleEvents.js';

/**
 * A fresh directory for one database file; removing it also removes the `-wal` and `-shm`. With
 * `keepIn` the directory is made there and kept (the store a workload leaves, for `clientele`
 * commands to run on afterwards).
 */
const freshFile = (keepIn?: string): { file: string; remove: () => void } => {
  const dir = mkdtempSync(join(keepIn ?? tmpdir(), 'clientele-bench-sqlite-'));
  if (keepIn !== undefined) return { file: join(dir, 'store.db'), remove: () => undefined };
  return {
    file: join(dir, 'store.db'),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * A raw connection with the engine's default durability (WAL, `synchronous=NORMAL`), and a table
 * shaped like the engine's, so the baseline does the same physical work without Clientele.
 */
const rawDatabase = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY, stream_name TEXT NOT NULL, stream_revision INTEGER NOT NULL,
    event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL, UNIQUE (stream_name, stream_revision))`);
  return db;
};

const rowValues = (index: number, stream: string, revision: number) => {
  const event = sampleEvent(index);
  return [
    stream,
    revision,
    event.eventId,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    new Date().toISOString(),
  ];
};

const INSERT =
  'INSERT INTO events (stream_name, stream_revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)';

/**
 * The SQLite engine on a file database, measured against raw better-sqlite3 on a file with the
 * same durability: one single-row INSERT transaction per append, and row iteration with
 * JSON.parse of data and metadata.
 */
export const sqliteBenchEngine: BenchEngine = {
  name: 'sqlite',
  unavailable: async () => undefined,
  open: async () => {
    const keepIn = process.env['CLIENTELE_BENCH_KEEP_STORES'];
    const { file, remove } = freshFile(keepIn === '' ? undefined : keepIn);
    const store = createSqliteEventStore({ file });
    return {
      store,
      snapshots: createSqliteSnapshotStore(store),
      keys: createSqliteDataKeyStore({ database: store.database }),
      close: async () => {
        await store.close();
        remove();
      },
    };
  },
  rawSingleRowAppends: async (count, streams) => {
    const { file, remove } = freshFile();
    const db = rawDatabase(file);
    try {
      const insert = db.prepare(INSERT);
      const revisions = new Array<number>(streams).fill(0);
      const append = db.transaction((values: unknown[]) => insert.run(...values));
      return await timeEach(count, (index) => {
        const stream = index % streams;
        const revision = revisions[stream] ?? 0;
        append.immediate(rowValues(index, `Bench-${stream}`, revision));
        revisions[stream] = revision + 1;
      });
    } finally {
      db.close();
      remove();
    }
  },
  rawReadAll: async (count, passes = 1) => {
    const { file, remove } = freshFile();
    const db = rawDatabase(file);
    try {
      const insert = db.prepare(INSERT);
      db.transaction(() => {
        for (let index = 0; index < count; index += 1) {
          insert.run(...rowValues(index, `Bench-${index % 1000}`, Math.floor(index / 1000)));
        }
      })();
      const rows = db.prepare('SELECT * FROM events ORDER BY position');
      const latencies = await timeEach(passes, () => {
        let seen = 0;
        for (const row of rows.iterate() as Iterable<{ data: string; metadata: string }>) {
          const data: unknown = JSON.parse(row.data);
          const metadata: unknown = JSON.parse(row.metadata);
          if (data !== null && metadata !== null) seen += 1;
        }
        return seen;
      });
      return latencies.map((ms) => ms / 1000);
    } finally {
      db.close();
      remove();
    }
  },
};
