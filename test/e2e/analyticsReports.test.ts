import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-analytics-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const clientele = (actor: string, ...args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLIENTELE_ACTOR: actor },
  });

const ADMIN = 'clientele-demo:administrator';
const REPORTS = ['scores', 'conversion', 'forecast', 'segments', 'churn', 'credit'] as const;

interface ReportJson {
  readonly report: string;
  readonly asOf: string;
  readonly rows: readonly Record<string, unknown>[];
  readonly totals: Record<string, unknown>;
}

/** A report as the administrator's JSON run saved it. */
const saved = (name: string): ReportJson =>
  JSON.parse(readFileSync(join(dir, 'json', `${name}.json`), 'utf8')) as ReportJson;

beforeAll(() => {
  clientele(ADMIN, 'demo', '--steps', '500');
  for (const format of ['json', 'csv', 'html'])
    clientele(ADMIN, 'report', ...REPORTS, '--format', format, '--out', `${format}/`);
}, 60_000);

describe('the analytical reports on a demo store', () => {
  it('write every format: JSON with fixed keys, CSV with the column keys, HTML with a chart', () => {
    for (const name of REPORTS) {
      const json = JSON.parse(
        readFileSync(join(dir, 'json', `${name}.json`), 'utf8'),
      ) as ReportJson;
      expect(Object.keys(json)).toEqual(['report', 'asOf', 'rows', 'totals']);
      expect(json.rows.length).toBeGreaterThan(0);
      expect(readFileSync(join(dir, 'html', `${name}.html`), 'utf8')).toContain('<svg');
    }
    expect(readFileSync(join(dir, 'csv', 'scores.csv'), 'utf8').split(/\r?\n/)[0]).toBe(
      'opportunity,deal,owner,stage,currency,amount,probabilityPercent,modelPercent,stagePercent,reasons',
    );
  });

  it('show a rep the scores of their own deals and leads only', () => {
    const all = saved('scores');
    const owners = [...new Set(all.rows.map((row) => String(row['owner'])))];
    expect(owners.length).toBeGreaterThan(1);
    const rep = owners[0]!;
    const mine = JSON.parse(
      clientele(`${rep}:sales_rep`, 'report', 'scores', 'conversion', '--format', 'json'),
    ) as { reports: readonly ReportJson[] };
    const [deals, leads] = mine.reports;
    expect(deals!.rows.length).toBeGreaterThan(0);
    expect(deals!.rows.every((row) => row['owner'] === rep)).toBe(true);
    expect(deals!.rows.length).toBeLessThan(all.rows.length);
    expect(leads!.rows.every((row) => row['owner'] === rep)).toBe(true);
    expect(leads!.rows.length).toBeLessThan(saved('conversion').rows.length);
  });

  it('explain every score by signed feature contributions and name the probability shown', () => {
    expect(readFileSync(join(dir, 'html', 'scores.html'), 'utf8')).toMatch(
      /Probability shown: (model|baseline)/,
    );
    const json = saved('scores');
    for (const row of json.rows) expect(String(row['reasons'])).toMatch(/ = .* \([+−]\d+\.\d\d\)/);
  });

  it('forecast per office adds up to no more than the total of every deal', () => {
    const json = JSON.parse(
      clientele(ADMIN, 'report', 'forecast', '--format', 'json'),
    ) as ReportJson;
    const deals = json.rows.reduce((n, row) => n + Number(row['deals']), 0);
    expect(deals).toBeLessThanOrEqual(Number(json.totals['deals']));
    for (const row of json.rows) {
      const [low, mid, high] = ['low', 'forecast', 'high'].map(
        (k) => Object.values(row[k] as Record<string, number>)[0] ?? 0,
      );
      expect(low).toBeLessThanOrEqual(mid!);
      expect(mid).toBeLessThanOrEqual(high!);
    }
  });
});
