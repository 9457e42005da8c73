import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserUnavailable, launchChromium } from '../support/browser.js';
import { chartsOn, minor, startDashboard, stopDashboard } from '../support/dashboardPage.js';
import { describeWhenAvailable } from '../support/requireService.js';
import { createTestIssuer } from '../support/issuerTokens.js';

const artifacts = fileURLToPath(new URL('../../test-artifacts/dashboard/', import.meta.url));
const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const writer = fileURLToPath(new URL('../support/winOpenDeal.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-dashboard-'));
const issuer = createTestIssuer();
const ADMIN = 'clientele-demo:administrator';

const clientele = (...args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLIENTELE_ACTOR: ADMIN },
  });

/** One report's figures as `clientele report --format json` prints them. */
const reportJson = (...args: string[]): unknown =>
  (JSON.parse(clientele('report', ...args, '--format', 'json')) as { rows: unknown }).rows;

interface PerformanceRow {
  group: string;
  groupName: string | null;
  won: number;
  lost: number;
  wonRevenue: Record<string, number>;
}

interface Figures {
  byTeam: PerformanceRow[];
  byRep: PerformanceRow[];
  funnel: { funnel: string; group: string; cohort: string; reached: number }[];
  roi: { roiPercent: Record<string, number | null> }[];
}

let cliFigures: Figures;
let server: ChildProcess | undefined;
let url = '';
let browser: Browser | undefined;
let admin: BrowserContext;

const shot = (tab: Page, name: string) =>
  tab.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });

const kpi = (tab: Page, key: string) =>
  tab.$eval(`[data-kpi="${key}"] .kpi-value`, (value) => value.textContent ?? '');

describeWhenAvailable('the dashboard in headless Chromium', browserUnavailable(), () => {
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    clientele('demo', '--steps', '800');
    // What `clientele report` prints for the same store, before anything changes it.
    cliFigures = {
      byTeam: reportJson('performance', '--by', 'team', '--period', 'all'),
      byRep: reportJson('performance', '--period', 'all'),
      funnel: reportJson('funnel', '--period', 'all'),
      roi: reportJson('roi'),
    } as Figures;
    ({ url, server } = await startDashboard(cli, dir, issuer, ADMIN));
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await stopDashboard(server);
    issuer.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws every report’s chart and the headline figures with the figures `clientele report` prints', async () => {
    const { byTeam, funnel, roi } = cliFigures;
    const tab = await admin.newPage();
    const outside: string[] = [];
    tab.on('request', (request) => {
      if (!request.url().startsWith(url)) outside.push(request.url());
    });
    await tab.goto(`${url}/?period=all`);
    await tab.waitForSelector('figure.chart svg');
    const charts = await chartsOn(tab);
    expect(outside).toEqual([]);
    expect(charts.map((chart) => chart.key)).toEqual([
      'funnel',
      'roi',
      'receivables',
      'performance-rep',
      'performance-team',
      'performance-office',
      'pipeline',
      'service',
      'activities',
      'followup',
      'revenue',
      'quotes',
      'contracts',
      'profitability',
      'expenses',
    ]);
    // A campaign's ROI is drawn only when it has a recorded cost; a short demo may have none.
    const costed = roi.filter((row) => (row.roiPercent['EUR'] ?? null) !== null).length;
    for (const chart of charts) {
      if (chart.key === 'roi') expect(chart.bars).toBe(costed);
      else expect(chart.bars, chart.key ?? '').toBeGreaterThan(0);
      expect(chart.figures.length).toBe(chart.bars);
      expect(chart.labels.length).toBe(chart.bars);
    }
    const teams = charts.find((chart) => chart.key === 'performance-team')!;
    // Bars are labelled with the team's name, the report's `groupName` (its id when it has none).
    const teamLabel = (row: PerformanceRow): string => row.groupName ?? row.group;
    expect(new Set(teams.labels)).toEqual(new Set(byTeam.map(teamLabel)));
    teams.labels.forEach((team, index) => {
      expect(minor(teams.figures[index] ?? '')).toBe(
        byTeam.find((row) => teamLabel(row) === team)!.wonRevenue['EUR'] ?? 0,
      );
    });
    expect(charts[0]!.figures).toEqual(
      funnel
        .filter((row) => row.funnel === 'leads' && row.group === 'all' && row.cohort === 'all')
        .map((row) => row.reached.toLocaleString('en-US')),
    );
    const won = byTeam.reduce((sum, row) => sum + row.won, 0);
    const closed = byTeam.reduce((sum, row) => sum + row.won + row.lost, 0);
    expect(minor(await kpi(tab, 'wonRevenue'))).toBe(
      byTeam.reduce((sum, row) => sum + (row.wonRevenue['EUR'] ?? 0), 0),
    );
    expect(await kpi(tab, 'winRate')).toBe(`${((won / closed) * 100).toFixed(2)}%`);
    await shot(tab, 'overview');
    await tab.screenshot({ path: join(artifacts, 'overview-top.png') });
    await tab.close();
  });

  it('lists the deals behind the win rate when its card is opened from the keyboard', async () => {
    const { byRep } = cliFigures;
    const tab = await admin.newPage();
    await tab.goto(`${url}/`);
    await tab.focus('[data-kpi="winRate"] a');
    await tab.keyboard.press('Enter');
    await tab.waitForSelector('table.records[data-drill="deals"]');
    const outcomes = await tab.$$eval('table.records tbody tr', (rows) =>
      rows.map((row) => row.querySelectorAll('td')[3]?.textContent),
    );
    expect(outcomes.filter((o) => o === 'won').length).toBe(
      byRep.reduce((sum, row) => sum + row.won, 0),
    );
    expect(outcomes.filter((o) => o === 'lost').length).toBe(
      byRep.reduce((sum, row) => sum + row.lost, 0),
    );
    expect(outcomes.length).toBe(byRep.reduce((sum, row) => sum + row.won + row.lost, 0));
    await shot(tab, 'drill-down-win-rate');
    await tab.close();
  });

  it('shows a customer’s timeline as known or as effective at the moment the control names', async () => {
    const tab = await admin.newPage();
    await tab.goto(`${url}/drill/deals?outcome=won`);
    // The app renders the table after its fetch returns: a locator waits for it, `$eval` would not.
    const customer = await tab
      .locator('table.records tbody a[href^="/customers/"]')
      .first()
      .getAttribute('href');
    await tab.goto(`${url}${customer}`);
    await tab.waitForSelector('p.timeline-summary');
    const count = async () =>
      Number(await tab.$eval('p.timeline-summary', (p) => p.getAttribute('data-events')));
    const all = await count();
    const column = (n: number) =>
      tab.$$eval(`table.timeline tbody tr td:nth-child(${n})`, (cells) =>
        cells.map((cell) => cell.textContent ?? '').sort(),
      );
    const occurred = await column(1);
    const recorded = await column(2);
    const moment = occurred[Math.floor(occurred.length / 2) - 1]!.slice(0, 19);
    const effectiveBy = occurred.filter((at) => at.slice(0, 19) <= moment).length;
    await tab.fill('input[name="asOf"]', moment);
    await tab.check('input[name="effective"]');
    await Promise.all([tab.waitForURL(/asOf=/), tab.click('form.as-of-control button')]);
    await tab.waitForSelector('p.timeline-summary');
    expect(await count()).toBe(effectiveBy);
    expect(effectiveBy).toBeLessThan(all);
    await shot(tab, 'customer-as-effective');
    const recordedBy = recorded.filter((at) => at.slice(0, 19) <= moment).length;
    await tab.uncheck('input[name="effective"]');
    await Promise.all([
      tab.waitForURL((u) => !u.search.includes('effective')),
      tab.click('form.as-of-control button'),
    ]);
    await tab.waitForSelector('p.timeline-summary');
    expect(await count()).toBe(recordedBy);
    await shot(tab, 'customer-as-known');
    await tab.close();
  });

  it('refuses a rep another team’s page with a 403 page, and shows the rep their own figures', async () => {
    const { byTeam, byRep } = cliFigures;
    const rep = byRep.find((row) => byTeam.some((team) => row.group === `rep-${team.group}-1`))!;
    const ownTeam = rep.group.replace(/^rep-/, '').replace(/-1$/, '');
    const otherTeam = byTeam.find((team) => team.group !== ownTeam)!.group;
    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([
      {
        name: 'clientele_token',
        value: await issuer.sign({ id: rep.group, role: 'sales_rep' }),
        url,
      },
    ]);
    const tab = await context.newPage();
    const refused = await tab.goto(`${url}/teams/${otherTeam}`);
    expect(refused?.status()).toBe(403);
    expect(await tab.textContent('h1')).toContain('403');
    await shot(tab, 'rep-refused-other-team');
    const own = await tab.goto(`${url}/teams/${ownTeam}`);
    expect(own?.status()).toBe(200);
    await tab.goto(`${url}/?period=all`);
    await tab.waitForSelector('[data-kpi="wonRevenue"]');
    expect(minor(await kpi(tab, 'wonRevenue'))).toBe(rep.wonRevenue['EUR'] ?? 0);
    expect(await tab.$('[data-kpi="overdueReceivables"]')).toBeNull();
    await shot(tab, 'rep-overview');
    await context.close();
  });
  // Last: it changes the store the other tests compare with `clientele report`.
  it('shows a deal another process marks won within two seconds', async () => {
    const tab = await admin.newPage();
    await tab.goto(`${url}/?period=all`);
    await tab.waitForSelector('[data-kpi="wonRevenue"]');
    await tab.locator('#live', { hasText: /^Live$/ }).waitFor();
    const shownBefore = await kpi(tab, 'wonRevenue');
    const asOf = await tab.$eval('p.as-of', (p) => p.getAttribute('data-as-of') ?? '');
    const open = (await (await fetch(`${url}/api/drill/deals?outcome=open`)).json()) as {
      rows: { text: string }[][];
    };
    const [deal] = open.rows;
    execFileSync(process.execPath, [writer, join(dir, 'clientele.db'), deal![0]!.text, asOf]);
    const written = Date.now();
    await expect
      .poll(() => kpi(tab, 'wonRevenue'), { timeout: 2_000, interval: 50 })
      .not.toBe(shownBefore);
    const seenAfter = Date.now() - written;
    expect(minor(await kpi(tab, 'wonRevenue'))).toBe(minor(shownBefore) + minor(deal![5]!.text));
    expect(seenAfter).toBeLessThan(2_000);
    await shot(tab, 'live-update');
    await tab.close();
  });
});
