import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-activities-import-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const store = join(dir, 'activities.db');

/** A CRM's activity export: one row per call, email or visit, flat. */
const CSV = `Activity ID,Type,Account,Rep,Date,Contact,Subject,Direction,Seconds,Result,Place
A-1,Call,4711,rep-ada,2026-03-02T10:00:00Z,Ana Souza,,Outbound,240,Connected,
A-2,Email,4711,rep-ada,2026-03-03T11:00:00Z,Ana Souza,Your quote,,,,
A-3,Visit,4712,rep-bob,2026-03-04T09:30:00Z,,,,,,Customer HQ
A-4,Call,4712,rep-bob,2026-03-05T09:30:00Z,,,Outbound,two minutes,Connected,
`;

const MAPPING = {
  imports: 'activities',
  idColumn: 'Activity ID',
  idPrefix: 'act-',
  columns: {
    activityKind: 'Type',
    recordId: 'Account',
    ownerId: 'Rep',
    at: 'Date',
    contactName: 'Contact',
    emailSubject: 'Subject',
    direction: 'Direction',
    durationSeconds: 'Seconds',
    outcome: 'Result',
    placeName: 'Place',
  },
  constants: { recordType: 'customer' },
  prefixes: { recordId: 'acct-' },
  values: {
    activityKind: { Call: 'call', Email: 'email', Visit: 'visit' },
    direction: { Outbound: 'outbound', Inbound: 'inbound' },
    outcome: { Connected: 'connected' },
  },
};

describe('clientele import activities with a mapping file', () => {
  it('logs each row as an activity on its record, and refuses a row whose call lasts "two minutes"', async () => {
    writeFileSync(join(dir, 'activities.csv'), CSV);
    writeFileSync(join(dir, 'activities.json'), JSON.stringify(MAPPING));
    const run = async (...extra: string[]) => {
      const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' }, dir);
      const args = ['import', 'activities', 'activities.csv', '--mapping', 'activities.json'];
      const code = await runCli(commands, [...args, ...extra, '--store', `sqlite:${store}`], io);
      return { code, text: io.out.join('') + io.err.join('') };
    };
    const refused = await run();
    // One bad row: nothing is written unless asked to write the others.
    expect(refused.code).toBe(ExitCode.failed);
    expect(refused.text).toContain(
      'line 5: call.durationSeconds: expected DurationSeconds, got "two minutes"',
    );
    expect(refused.text).toContain('nothing was written');
    // Written with --skip-invalid, and still not a success: a row was left out.
    expect((await run('--skip-invalid')).code).toBe(ExitCode.failed);
    const db = new Database(store, { readonly: true });
    const rows = db
      .prepare(
        "SELECT stream_name, data FROM events WHERE type = 'ActivityLogged' ORDER BY position",
      )
      .all() as { stream_name: string; data: string }[];
    db.close();
    const logged = rows.map((row) => JSON.parse(row.data) as Record<string, unknown>);
    expect(rows.map((row) => row.stream_name)).toEqual([
      'Activity-act-A-1',
      'Activity-act-A-2',
      'Activity-act-A-3',
    ]);
    expect(logged[0]).toMatchObject({
      kind: 'call',
      on: [{ type: 'customer', id: 'acct-4711' }],
      ownerId: 'rep-ada',
      call: { direction: 'outbound', durationSeconds: 240, outcome: 'connected' },
    });
    expect(logged[2]).toMatchObject({ kind: 'visit', checkIn: { at: '2026-03-04T09:30:00Z' } });
  });
});
