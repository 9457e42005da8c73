import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserUnavailable, launchChromium } from '../support/browser.js';
import {
  chartsOn,
  figuresOf,
  minor,
  startDashboard,
  stopDashboard,
} from '../support/dashboardPage.js';
import { describeWhenAvailable } from '../support/requireService.js';
import { createTestIssuer } from '../support/issuerTokens.js';

const artifacts = fileURLToPath(new URL('../../test-artifacts/dashboard/', import.meta.url));
const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-dashboard-charts-'));
const issuer = createTestIssuer();
const ADMIN = 'clientele-demo:administrator';

const clientele = (...args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLIENTELE_ACTOR: ADMIN },
  });

/** One report as `clientele report --format json` prints it. */
const reportJson = (...args: string[]): { rows: unknown; totals: unknown } =>
  JSON.parse(clientele('report', ...args, '--format', 'json')) as {
    rows: unknown;
    totals: unknown;
  };

type Money = Record<string, number>;

interface Figures {
  revenue: { product: string; booked: Money }[];
  quotes: { rep: string; quotesSent: number; conversionPercent: number | null }[];
  contracts: { renewing: number; ending: number; churned: number };
  profitability: { group: string; groupName: string; profit: Money }[];
  expenses: { rep: string; period: string; budget: Money; claimed: Money }[];
  segments: { segment: string; segmentBefore: string | null }[];
  forecast: { groupName: string; forecast: Money; low: Money; high: Money }[];
}

let cliFigures: Figures;
let server: ChildProcess | undefined;
let url = '';
let browser: Browser | undefined;
let admin: BrowserContext;

describeWhenAvailable(
  'the dashboard’s product-to-cash and analytics charts in headless Chromium',
  browserUnavailable(),
  () => {
    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      clientele('demo', '--steps', '800');
      cliFigures = {
        revenue: reportJson('revenue', '--by', 'product').rows,
        quotes: reportJson('quotes').rows,
        contracts: reportJson('contracts').totals,
        profitability: reportJson('profitability', '--by', 'rep').rows,
        expenses: reportJson('expenses').rows,
        segments: reportJson('segments').rows,
        forecast: reportJson('forecast', '--by', 'office').rows,
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

    it('draws revenue by product, quote conversion, renewals, profit and expenses against budget with the figures `clientele report` prints', async () => {
      const { revenue, quotes, contracts, profitability, expenses } = cliFigures;
      const tab = await admin.newPage();
      await tab.goto(`${url}/?period=all`);
      await tab.waitForSelector('figure.chart[data-chart="expenses"] svg');
      const charts = await chartsOn(tab);
      const chart = (key: string) => charts.find((drawn) => drawn.key === key)!;
      const booked = new Map<string, number>();
      for (const row of revenue)
        booked.set(row.product, (booked.get(row.product) ?? 0) + (row.booked['EUR'] ?? 0));
      const revenueDrawn = figuresOf(chart('revenue'));
      expect(new Set(revenueDrawn.keys())).toEqual(new Set(booked.keys()));
      for (const [product, minorUnits] of booked)
        expect(minor(revenueDrawn.get(product)!), product).toBe(minorUnits);
      const quotesDrawn = figuresOf(chart('quotes'));
      const quoted = quotes.filter((row) => row.quotesSent > 0);
      expect([...quotesDrawn.keys()]).toEqual(quoted.map((row) => row.rep));
      for (const row of quoted)
        expect(quotesDrawn.get(row.rep)).toMatch(
          new RegExp(`^${(row.conversionPercent ?? 0).toFixed(2)}% of ${String(row.quotesSent)},`),
        );
      expect(chart('contracts').figures.map((figure) => Number(figure.split(' ')[0]))).toEqual([
        contracts.renewing,
        contracts.ending,
        contracts.churned,
      ]);
      const profitDrawn = figuresOf(chart('profitability'));
      expect(profitDrawn.size).toBe(profitability.length);
      for (const row of profitability)
        expect(minor(profitDrawn.get(row.groupName)!), row.group).toBe(row.profit['EUR'] ?? 0);
      // The budget period the title names: every rep's claims in it, the budget drawn as a tick.
      const period = /in (\S+) \(/.exec(chart('expenses').title)?.[1];
      const inPeriod = expenses.filter(
        (row) => row.period === period && (row.budget['EUR'] ?? 0) > 0,
      );
      expect(inPeriod.length).toBeGreaterThan(0);
      const expensesDrawn = chart('expenses');
      expect(expensesDrawn.references).toBe(inPeriod.length);
      for (const row of inPeriod) {
        const [claimed, budget] = figuresOf(expensesDrawn).get(row.rep)!.split(' of ');
        expect(minor(claimed!)).toBe(row.claimed['EUR'] ?? 0);
        expect(minor(budget!)).toBe(row.budget['EUR']);
      }
      await tab.locator('figure.chart[data-chart="revenue"]').screenshot({
        path: join(artifacts, 'chart-revenue.png'),
      });
      await tab.locator('figure.chart[data-chart="expenses"]').screenshot({
        path: join(artifacts, 'chart-expenses.png'),
      });
      await tab.close();
    });

    it('draws segment movement, the calibration plot and the forecast with its interval on the analytics page, as `clientele report` prints them', async () => {
      const { segments, forecast } = cliFigures;
      const tab = await admin.newPage();
      await tab.goto(`${url}/`);
      await Promise.all([tab.waitForURL(/\/analytics$/), tab.click('header a[href="/analytics"]')]);
      await tab.waitForSelector('figure.chart svg');
      const charts = await chartsOn(tab);
      expect(charts.map((chart) => chart.key)).toEqual([
        'segments',
        'scores',
        'forecast-office',
        'forecast-team',
      ]);
      const [moves, calibration, byOffice] = charts;
      const moved = segments.filter((row) => row.segment !== row.segmentBefore).length;
      expect(moves!.figures.reduce((sum, figure) => sum + Number(figure), 0)).toBe(moved);
      // Each band's observed win rate is a bar, its mean predicted probability a tick.
      // (A short demo may have closed no deal in the 90 days the check scores: then no band.)
      expect(calibration!.references).toBe(calibration!.bars);
      expect(byOffice!.intervals).toBe(forecast.length);
      const drawn = figuresOf(byOffice!);
      for (const row of forecast) {
        const amounts = [...drawn.get(row.groupName)!.matchAll(/EUR [\d,.]+/g)].map((m) =>
          minor(m[0]),
        );
        expect(amounts, row.groupName).toEqual([
          row.forecast['EUR'],
          row.low['EUR'],
          row.high['EUR'],
        ]);
      }
      await tab.screenshot({ path: join(artifacts, 'analytics.png'), fullPage: true });
      await tab.close();
    });
  },
);
