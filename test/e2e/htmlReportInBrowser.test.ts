import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { browserUnavailable, launchChromium } from '../support/browser.js';
import { describeWhenAvailable } from '../support/requireService.js';

const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const cli = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientele-html-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const clientele = (...args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // The demo acts as its own administrator; the commands after it are told who is acting.
    env: { ...process.env, CLIENTELE_ACTOR: 'clientele-demo:administrator' },
  });

describeWhenAvailable('the HTML report in headless Chromium', browserUnavailable(), () => {
  it('draws the demo store’s charts with the figures of the tables beside them, and fetches nothing', async () => {
    mkdirSync(artifacts, { recursive: true });
    clientele('demo', '--steps', '1500');
    const page = join(artifacts, 'report.html');
    clientele(
      'report',
      'all',
      '--format',
      'html',
      '--period',
      'all',
      '--by',
      'team',
      '--out',
      page,
    );
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const outside: string[] = [];
      tab.on('request', (request) => {
        if (!request.url().startsWith('file:')) outside.push(request.url());
      });
      await tab.goto(pathToFileURL(page).href);
      const charts = await tab.$$eval('figure.chart', (figures) =>
        figures.map((figure) => ({
          title: figure.getAttribute('data-chart') ?? '',
          bars: [...figure.querySelectorAll('g.bar')].map((bar) => ({
            label: bar.getAttribute('data-label') ?? '',
            display: bar.querySelectorAll('text')[1]?.textContent ?? '',
            width: (
              bar.querySelector('rect') as unknown as { getBBox(): { width: number } }
            ).getBBox().width,
          })),
        })),
      );
      const tables = await tab.$$eval('section', (sections) =>
        sections.map((section) => ({
          title: section.getAttribute('data-section') ?? '',
          rows: [...section.querySelectorAll('tbody tr')].map((row) =>
            [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
          ),
        })),
      );
      expect(outside).toEqual([]);
      const funnel = charts.find((chart) => chart.title.startsWith('Leads reaching'))!;
      const funnelTable = tables.find((table) => table.title === 'Sales funnel')!;
      for (const bar of funnel.bars.filter((b) => b.label !== 'won')) {
        const row = funnelTable.rows.find((cells) => cells[0] === 'all' && cells[2] === bar.label)!;
        expect(bar.display).toBe(row[3]);
      }
      const widths = funnel.bars.map((bar) => bar.width);
      expect([...widths].sort((a, b) => b - a)).toEqual(widths.slice(0, widths.length));
      const performance = charts.find((chart) => chart.title.startsWith('Won revenue by team'))!;
      const performanceTable = tables.find((table) => table.title === 'Sales performance by team')!;
      expect(performance.bars.length).toBeGreaterThan(1);
      for (const bar of performance.bars) {
        expect(performanceTable.rows.find((cells) => cells[0] === bar.label)?.[5]).toBe(
          bar.display,
        );
      }
      await tab.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
