import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { appendHistory, readAuthorizationHistory } from '@clientele/projections/testing';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

// Attacks on the command line, tried as a user with a shell would try them. Each is refused, the
// refusal says why, and nothing is written: no file, no event.

const root = mkdtempSync(join(tmpdir(), 'clientele-attacks-'));
const work = join(root, 'work');
const file = join(work, 'crm.db');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  mkdirSync(work);
  const events = createSqliteEventStore({ file });
  await appendHistory(events, readAuthorizationHistory);
  await events.close();
});

const run = async (...args: string[]) => {
  const io = recordingIo({}, work);
  const code = await runCli(
    commands,
    [...args, '--store', `sqlite:${file}`, '--actor', 'admin-1:administrator'],
    io,
  );
  return { code, err: io.err.join('') };
};

const eventCount = () => {
  const db = new Database(file, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
  db.close();
  return n;
};

describe('--out aimed where personal data must not go', () => {
  it('refuses a path outside the working directory, for an export and a right-of-access file', async () => {
    const before = eventCount();
    for (const out of ['../escaped.csv', join(root, 'absolute.csv')]) {
      const exported = await run('export', 'customers', '--out', out);
      expect(exported.code).toBe(ExitCode.failed);
      expect(exported.err).toContain('is outside the working directory');
      const access = await run('access', 'p-ada', '--out', out);
      expect(access.code).toBe(ExitCode.failed);
      expect(access.err).toContain('is outside the working directory');
    }
    expect(existsSync(join(root, 'escaped.csv'))).toBe(false);
    expect(existsSync(join(root, 'absolute.csv'))).toBe(false);
    expect(eventCount()).toBe(before);
  });

  it('refuses a symbolic link, leaving the file it points to as it was', async () => {
    const victim = join(root, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(work, 'link.csv'));
    const before = eventCount();
    const result = await run('export', 'customers', '--out', 'link.csv');
    expect(result.code).toBe(ExitCode.failed);
    expect(result.err).toContain('is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(eventCount()).toBe(before);
  });

  it.runIf(process.getuid?.() === 0)(
    'refuses another user’s file, leaving it as it was',
    async () => {
      const theirs = join(work, 'theirs.csv');
      writeFileSync(theirs, 'their data');
      chownSync(theirs, 65534, 65534);
      const before = eventCount();
      const result = await run('export', 'customers', '--out', 'theirs.csv');
      expect(result.code).toBe(ExitCode.failed);
      expect(result.err).toContain('belongs to another user');
      expect(readFileSync(theirs, 'utf8')).toBe('their data');
      expect(eventCount()).toBe(before);
    },
  );
});

describe('SQL metacharacters in filters and ids', () => {
  const evil = "x'; DROP TABLE events; --";
  const attempts: readonly (readonly [readonly string[], string])[] = [
    [['report', evil], 'no report named'],
    [['report', 'pipeline', '--by', evil], 'cannot be grouped'],
    [['report', 'performance', '--by', evil], '--by'],
    [['report', 'pipeline', '--period', evil], '--period must be'],
    [['report', 'pipeline', '--from', evil], '--from takes a calendar day'],
    [['report', 'pipeline', '--as-of', evil], '--as-of takes a calendar day'],
    [['audit', 'customer', evil], 'is not a customer id'],
    [['audit', 'exports', '--since', evil], '--since takes'],
    [['export', 'customers', '--format', evil, '--out', 'x.csv'], '--format must be'],
    [['access', evil, '--out', 'a.json'], 'is not a person id'],
    [['forget', evil], 'is not a person id'],
    [['rectify', evil, '--name', 'Ada'], 'is not a person id'],
  ];

  it.each(attempts)('refuses %j, naming why, and writes nothing', async (args, why) => {
    const before = eventCount();
    const result = await run(...args);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain(why);
    expect(eventCount()).toBe(before);
    expect(existsSync(join(work, 'x.csv')) || existsSync(join(work, 'a.json'))).toBe(false);
  });
});
