import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { recordingIo } from './support/recordingIo.js';
import type { ReportName } from '../src/reports/index.js';
import { reports } from '../src/reports/index.js';
import { reportSchemaId } from '../src/reports/reportJson.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-report-'));
const store = `sqlite:${join(dir, 'crm.db')}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

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

  it('gives the same figures as JSON, grouped and bucketed as asked, with names in the table', async () => {
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
    ) as {
      report: string;
      rows: { group: string; groupName: string; period: string; won: number }[];
    };
    expect(json.report).toBe('performance');
    const { rows } = json;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^office-/.test(row.group) && /^\d{4}$/.test(row.period))).toBe(
      true,
    );
    const names = rows.map((row) => row.groupName);
    expect(names.every((name) => name.length > 0 && !/^office-/.test(name))).toBe(true);
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
    const table = (
      await run('report', 'performance', '--by', 'office', '--period', 'year', '--store', store)
    ).out;
    for (const row of rows)
      expect(table).toMatch(new RegExp(`${row.groupName}\\s+${row.period}\\s+${row.won}\\s`));
  });

  it('writes CSV and HTML to a file with --out', async () => {
    const csv = join(dir, 'funnel.csv');
    expect(
      (await run('report', 'funnel', '--format', 'csv', '--out', csv, '--store', store)).code,
    ).toBe(ExitCode.ok);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe(
      'group,groupName,cohort,stage,reached,conversionToNextPercent,medianDaysInStage,won,lost,winRatePercent,overallConversionPercent,funnel',
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
    const paid = (report: { totals: { paid: Record<string, number> } }) =>
      Object.values(report.totals.paid).reduce((a, b) => a + b, 0);
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
    const refused = async (...args: string[]) => {
      const result = await run('report', ...args, '--store', store);
      expect(result.code).toBe(ExitCode.usage);
      expect(result.out).toBe('');
      return result.err;
    };
    expect(await refused('performance', '--by', 'color')).toContain(
      '--by color is not a grouping of performance; performance: rep, team, manager, office, region',
    );
    expect(await refused('receivables', '--by', 'team')).toContain('receivables cannot be grouped');
    expect(await refused('funnel', '--from', '2026-13-45')).toContain(
      '--from takes a calendar day, YYYY-MM-DD (got 2026-13-45)',
    );
    expect(await refused('funnel', '--to', '2026-02-30')).toContain('--to takes a calendar day');
    expect(await refused('funnel', '--from', '2026-06-01', '--to', '2026-03-01')).toContain(
      '--from 2026-06-01 comes after --to 2026-03-01',
    );
    expect(await refused('funnel', 'roi', '--format', 'csv')).toContain('one report per file');
    const unwritable = await run(
      'report',
      'pipeline',
      '--out',
      join(dir, 'no-such-folder', 'pipeline.txt'),
      '--store',
      store,
    );
    expect(unwritable.code).toBe(ExitCode.failed);
    expect(unwritable.err).toMatch(/^clientele report: cannot write .*no-such-folder.*: ENOENT/);
  });
});

describe('report formats machines can rely on', () => {
  const schemas = fileURLToPath(new URL('../../../docs/schemas/reports/', import.meta.url));
  const ajv = new Ajv({ allErrors: true, strict: true });
  for (const file of readdirSync(schemas))
    ajv.addSchema(JSON.parse(readFileSync(join(schemas, file), 'utf8')) as object);
  const names = Object.keys(reports) as ReportName[];

  it('validates every report’s JSON, alone and all together, against its published schema', async () => {
    for (const name of names) {
      const printed = await run('report', name, '--format', 'json', '--store', store);
      const document = JSON.parse(printed.out) as { rows: unknown[] };
      const valid = ajv.validate(reportSchemaId(name), document);
      expect(valid ? [] : ajv.errors, name).toEqual([]);
      expect(document.rows.length, name).toBeGreaterThan(0);
    }
    const all = JSON.parse((await run('report', 'all', '--format', 'json', '--store', store)).out);
    expect(ajv.validate(reportSchemaId('reports'), all) ? [] : ajv.errors).toEqual([]);
  });

  it('writes one CSV per report with "all --out DIR/", each one table with numbers in its numeric columns', async () => {
    const folder = join(dir, 'csv/');
    const written = await run(
      'report',
      'all',
      '--format',
      'csv',
      '--bom',
      '--out',
      folder,
      '--store',
      store,
    );
    expect(written.code).toBe(ExitCode.ok);
    expect(readdirSync(folder).sort()).toEqual(names.map((name) => `${name}.csv`).sort());
    for (const name of names) {
      const text = readFileSync(join(folder, `${name}.csv`), 'utf8');
      expect(text.startsWith('\uFEFF'), name).toBe(true);
      // One header row and equal field counts, or csv-parse throws.
      const records = parse<Record<string, string>>(text, { bom: true, columns: true });
      expect(records.length, name).toBeGreaterThan(0);
      const { columns } = reports[name].shape;
      const numeric = columns.filter((c) => !['text', 'code', 'period'].includes(c.kind));
      for (const record of records) {
        for (const c of numeric)
          expect(record[c.key], `${name}.${c.key}`).toMatch(/^(-?\d+(\.\d+)?)?$/);
        if ('currency' in record) expect(record['currency'], name).toMatch(/^([A-Z]{3})?$/);
      }
    }
  });
});

describe('names in reports', () => {
  interface Receivables {
    rows: { customerId: string; customerName: string | null }[];
  }
  const receivables = async () =>
    JSON.parse(
      (await run('report', 'receivables', '--format', 'json', '--store', store)).out,
    ) as Receivables;

  it('shows a customer’s name from the encrypted log, and "(erased)" once the person is forgotten', async () => {
    const named = (await receivables()).rows.find((row) => row.customerName !== null)!;
    expect(named.customerName).not.toBe('(erased)');
    expect((await run('report', 'receivables', '--store', store)).out).toContain(
      named.customerName,
    );
    const db = new Database(join(dir, 'crm.db'), { readonly: true });
    const { subjectId } = db
      .prepare(
        `SELECT json_extract(data, '$.subjectId') AS subjectId FROM events
         WHERE type = 'CustomerRegistered' AND json_extract(data, '$.customerId') = ?`,
      )
      .get(named.customerId) as { subjectId: string };
    db.close();
    expect((await run('forget', subjectId, '--store', store)).code).toBe(ExitCode.ok);
    const after = (await receivables()).rows.find((row) => row.customerId === named.customerId);
    expect(after?.customerName).toBe('(erased)');
    const table = (await run('report', 'receivables', '--store', store)).out;
    expect(table).toContain('(erased)');
    expect(table).not.toContain(named.customerName);
  });
});
