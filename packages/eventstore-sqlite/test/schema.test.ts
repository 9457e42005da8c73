import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, testEvent } from '@clientele/eventstore/testing';
import {
  IncompatibleStoreError,
  SCHEMA_VERSION,
  createSqliteEventStore,
} from '@clientele/eventstore-sqlite';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-schema-'));
  dirs.push(dir);
  return join(dir, 'store.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite store file', () => {
  it('keeps its events across a close and a reopen', async () => {
    const file = tempFile();
    const first = createSqliteEventStore({ file });
    await first.appendToStream('Lead-1', [testEvent('LeadCaptured', { source: 'web' })]);
    await first.close();
    const again = createSqliteEventStore({ file });
    expect((await collect(again.readAll())).map((e) => e.type)).toEqual(['LeadCaptured']);
    expect(again.database.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(again.database.pragma('journal_mode', { simple: true })).toBe('wal');
    await again.close();
  });

  it('refuses a SQLite file of another application, and changes nothing in it', () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER)');
    other.close();
    expect(() => createSqliteEventStore({ file })).toThrow(IncompatibleStoreError);
    expect(() => createSqliteEventStore({ file })).toThrow(/not a Clientele store/);
    const reopened = new Database(file);
    expect(reopened.pragma('user_version', { simple: true })).toBe(0);
    reopened.close();
  });

  it('refuses a store written by a newer schema, saying to upgrade', async () => {
    const file = tempFile();
    await createSqliteEventStore({ file }).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => createSqliteEventStore({ file })).toThrow(
      /newer than this release understands.*upgrade/,
    );
  });

  it('refuses a file that is not a database at all', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.close();
    rmSync(file);
    writeFileSync(file, 'not a database, just text '.repeat(200));
    expect(() => createSqliteEventStore({ file })).toThrow(/not a database|file is not/i);
  });
});
