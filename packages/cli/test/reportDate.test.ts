import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';
import { datasetUrl, datasetsUnavailable } from '../../../test/support/datasets.js';
import { describeWhenAvailable } from '../../../test/support/requireService.js';

const IBM = fileURLToPath(
  datasetUrl('ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv'),
);
const dir = mkdtempSync(join(tmpdir(), 'clientele-report-date-'));
const store = `sqlite:${join(dir, 'ar.db')}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
  const code = await runCli(commands, [...args, '--store', store], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describeWhenAvailable('the report date of an imported sample', datasetsUnavailable(), () => {
  it('is the latest day in the data (the last payment, 2014-01-09), not the last row imported', async () => {
    // Invoices run to 2013-12-02 and payments to 2014-01-09; the file's last row is older.
    expect((await run('import', 'invoices', IBM)).code).toBe(ExitCode.ok);
    const table = await run('report', 'receivables');
    expect(table.code).toBe(ExitCode.ok);
    expect(table.out).toMatch(/^Receivables as of 2014-01-09/m);
    const json = JSON.parse((await run('report', 'all', '--format', 'json')).out) as {
      asOf: string;
      reports: { report: string; asOf: string }[];
    };
    expect(json.asOf).toBe('2014-01-09');
    expect(json.reports.every((report) => report.asOf === '2014-01-09')).toBe(true);
    // Every invoice is paid by then; in mid-2013 some were still open, largest listed first.
    const midYear = JSON.parse(
      (await run('report', 'receivables', '--as-of', '2013-06-30', '--format', 'json')).out,
    ) as { rows: { outstanding: { USD?: number } }[] };
    const owed = midYear.rows.map((row) => row.outstanding.USD ?? 0);
    expect(owed[0]).toBeGreaterThan(0);
    expect([...owed].sort((a, b) => b - a)).toEqual(owed);
  });
});
