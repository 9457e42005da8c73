import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomerExportService,
  customerExportAuthorizer,
  defaultRolePolicy,
} from '@clientele/domain';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-anomalies-'));
const file = join(dir, 'crm.db');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// mgr-east exports six customers each weekday morning, then sixty in one hour on Monday.
beforeAll(async () => {
  const store = createSqliteEventStore({ file });
  const exports = createCustomerExportService(store, {
    authorize: customerExportAuthorizer(defaultRolePolicy, {
      teamMembersOf: () => new Set(['rep-ada']),
    }),
  });
  const days = ['02', '03', '04', '05', '06'].map((d) => ({ at: `2026-03-${d}T10:00:00Z`, n: 6 }));
  for (const [i, { at, n }] of [...days, { at: '2026-03-09T11:00:00Z', n: 60 }].entries()) {
    const id = String(i).padStart(12, '0');
    const done = await exports.handle(
      {
        kind: 'ExportCustomers',
        exportId: `x-${id}`,
        format: 'csv',
        scope: 'team',
        customers: Array.from({ length: n }, (_, k) => ({
          customerId: `c-${String(k)}`,
          ownerId: 'rep-ada',
        })),
        contentSha256: 'c'.repeat(64),
      },
      {
        commandId: `0194f000-0000-7000-8000-${id}`,
        actor: { id: 'mgr-east', role: 'sales_manager' },
        occurredAt: at,
      },
    );
    if (E.isLeft(done)) throw new Error(JSON.stringify(done.left));
  }
  await store.close();
});

const audit = async (actor: string) => {
  const io = recordingIo({}, dir);
  const code = await runCli(
    commands,
    ['audit', 'anomalies', '--format', 'json', '--store', `sqlite:${file}`, '--actor', actor],
    io,
  );
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('clientele audit anomalies', () => {
  it('shows an auditor the hour a manager exported ten times their baseline, and records it once', async () => {
    const first = await audit('aud-1:auditor');
    expect(first.code).toBe(ExitCode.ok);
    expect(JSON.parse(first.out)).toEqual([
      expect.objectContaining({
        actorId: 'mgr-east',
        rule: 'volumeAboveBaseline',
        customers: 60,
        baseline: 6,
      }),
    ]);
    const again = await audit('admin-1:administrator');
    expect(JSON.parse(again.out)).toEqual(JSON.parse(first.out));
  });

  it('refuses a rep, naming the permission', async () => {
    const rep = await audit('rep-ada:sales_rep');
    expect(rep.code).toBe(ExitCode.forbidden);
    expect(rep.err).toContain('lacks Log.audit');
  });
});
