import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from '../src/testIo.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-report-'));
const store = `sqlite:${join(dir, 'crm.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
  const code = await runCli(commands, args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

let demoOutput = '';
beforeAll(async () => {
  const demo = await run('demo', '--store', store, '--steps', '1200');
  expect(demo.code).toBe(ExitCode.ok);
  demoOutput = demo.out;
});

describe('clientele report', () => {
  it('prints every report as tables', async () => {
    const result = await run('report', 'all', '--store', store);
    expect(result.code).toBe(ExitCode.ok);
    for (const title of [
      'Sales funnel',
      'Campaign ROI',
      'Receivables as of',
      'Sales performance by rep',
      'Pipeline and forecast',
      'Service as of',
    ]) {
      expect(result.out).toContain(title);
    }
  });

  it('dates its reports as the demo did on the same store: the latest day in the data', async () => {
    const demoDate = /Receivables as of (\d{4}-\d{2}-\d{2})/.exec(demoOutput)?.[1];
    expect(demoDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const report = await run('report', 'receivables', '--store', store);
    expect(report.out).toContain(`Receivables as of ${demoDate}`);
  });

  it('gives the same figures as JSON, grouped and bucketed as asked', async () => {
    const json = JSON.parse(
      (
        await run(
          'report',
          'performance',
          '--by',
          'office',
          '--period',
          'year',
          '--format',
          'json',
          '--store',
          store,
        )
      ).out,
    ) as Record<string, { group: string; period: string; won: number }[]>;
    const rows = json['Sales performance by office']!;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^office-/.test(row.group) && /^\d{4}$/.test(row.period))).toBe(
      true,
    );
    const table = (
      await run('report', 'performance', '--by', 'office', '--period', 'year', '--store', store)
    ).out;
    for (const row of rows)
      expect(table).toMatch(new RegExp(`${row.group}\\s+${row.period}\\s+${row.won}\\s`));
  });

  it('writes CSV and HTML to a file with --out', async () => {
    const csv = join(dir, 'funnel.csv');
    expect(
      (await run('report', 'funnel', '--format', 'csv', '--out', csv, '--store', store)).code,
    ).toBe(ExitCode.ok);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe(
      'group,cohort,stage,reached,to next %,median days,won,lost,win rate %,lead→won %',
    );
    const html = join(dir, 'all.html');
    await run('report', 'all', '--format', 'html', '--out', html, '--store', store);
    expect(readFileSync(html, 'utf8')).toContain('<svg');
  });

  it('counts payments after the as-of day as not yet made', async () => {
    const early = JSON.parse(
      (
        await run(
          'report',
          'receivables',
          '--as-of',
          '2026-03-31',
          '--format',
          'json',
          '--store',
          store,
        )
      ).out,
    );
    const late = JSON.parse(
      (
        await run(
          'report',
          'receivables',
          '--as-of',
          '2026-12-31',
          '--format',
          'json',
          '--store',
          store,
        )
      ).out,
    );
    const paid = (
      report: Record<
        string,
        { rows: { customerId: string | null; paid: Record<string, number> }[] }
      >,
    ) => Object.values(Object.values(report)[0]!.rows.at(-1)!.paid).reduce((a, b) => a + b, 0);
    expect(paid(early)).toBeLessThan(paid(late));
  });

  it('explains bad options and exits 2', async () => {
    expect((await run('report', 'sales', '--store', store)).err).toContain('there are funnel, roi');
    expect((await run('report', 'funnel', '--format', 'pdf', '--store', store)).code).toBe(
      ExitCode.usage,
    );
    expect((await run('report', 'receivables', '--as-of', 'March', '--store', store)).code).toBe(
      ExitCode.usage,
    );
  });
});
