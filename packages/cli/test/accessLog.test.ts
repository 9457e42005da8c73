import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { appendHistory, readAuthorizationHistory } from '@clientele/projections/testing';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-access-log-'));
const file = join(dir, 'crm.db');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  const events = createSqliteEventStore({ file });
  await appendHistory(events, readAuthorizationHistory);
  await events.close();
});

const as = async (actor: string, ...args: string[]) => {
  const io = recordingIo({}, dir);
  const code = await runCli(commands, [...args, '--store', `sqlite:${file}`, '--actor', actor], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('clientele audit access', () => {
  it('answers who looked at a customer and what one actor looked at, ids only', async () => {
    expect((await as('mgr-east:sales_manager', 'audit', 'customer', 'C-bob')).code).toBe(
      ExitCode.ok,
    );
    // A refused read shows nothing, and so records nothing.
    expect((await as('rep-cy:sales_rep', 'audit', 'customer', 'C-bob')).code).toBe(
      ExitCode.forbidden,
    );
    const who = await as(
      'aud-1:auditor',
      'audit',
      'access',
      '--subject',
      'C-bob',
      '--format',
      'json',
    );
    expect(who.code).toBe(ExitCode.ok);
    expect(JSON.parse(who.out)).toEqual([
      expect.objectContaining({
        actor: { id: 'mgr-east', role: 'sales_manager' },
        through: 'audit customer',
        subjects: ['C-bob'],
      }),
    ]);
    const what = await as('admin-1:administrator', 'audit', 'access', '--reader', 'rep-cy');
    expect(what.out).toContain('0 recorded reads of personal data');
  });

  it('records a right-of-access export as a read of that person, before the file is written', async () => {
    const exported = await as('dpo-1:administrator', 'access', 's-C-cy', '--out', 'cy.json');
    expect(exported.code).toBe(ExitCode.ok);
    const who = await as(
      'aud-1:auditor',
      'audit',
      'access',
      '--subject',
      's-C-cy',
      '--format',
      'json',
    );
    expect(JSON.parse(who.out)).toEqual([
      expect.objectContaining({
        actor: { id: 'dpo-1', role: 'administrator' },
        through: 'access export',
        subjects: ['s-C-cy'],
      }),
    ]);
  });

  it('refuses a rep, naming the permission', async () => {
    const rep = await as('rep-ada:sales_rep', 'audit', 'access', '--reader', 'mgr-east');
    expect(rep.code).toBe(ExitCode.forbidden);
    expect(rep.err).toContain('lacks Log.audit');
  });
});
