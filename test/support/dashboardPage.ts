import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { TestIssuer } from './issuerTokens.js';

/** Minor units of a displayed amount: `EUR 1,234.50` is 123450, `0` is 0. */
export const minor = (display: string): number =>
  display === '0'
    ? 0
    : Math.round(Number(display.replace(/^[A-Z]{3} /, '').replace(/,/g, '')) * 100);

/** A chart as the page draws it: its bars' figures, the table's labels and the marks drawn. */
export interface DrawnChart {
  key: string | null;
  title: string;
  bars: number;
  figures: string[];
  labels: string[];
  intervals: number;
  references: number;
}

/** Every chart of the page, read back from its SVG and its figures table. */
export const chartsOn = (tab: Page): Promise<DrawnChart[]> =>
  tab.$$eval('figure.chart', (figures) =>
    figures.map((figure) => ({
      key: figure.getAttribute('data-chart'),
      title: figure.querySelector('figcaption')?.textContent ?? '',
      bars: figure.querySelectorAll('svg .bar rect').length,
      figures: [...figure.querySelectorAll('svg .bar-figure text')].map(
        (text) => text.textContent ?? '',
      ),
      labels: [...figure.querySelectorAll('table.figures tr')].map(
        (row) => row.getAttribute('data-label') ?? '',
      ),
      intervals: figure.querySelectorAll('svg .interval line').length,
      references: figure.querySelectorAll('svg .reference line').length,
    })),
  );

/** A chart's figures by its labels. */
export const figuresOf = (chart: DrawnChart): Map<string, string> =>
  new Map(chart.labels.map((label, index) => [label, chart.figures[index] ?? '']));

/**
 * Starts `clientele serve` on a free port in `dir` as `actor`, trusting `issuer`'s tokens; resolves
 * once it listens.
 */
export const startDashboard = (
  cli: string,
  dir: string,
  issuer: TestIssuer,
  actor: string,
): Promise<{ url: string; server: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--actor', actor], {
      cwd: dir,
      env: { ...process.env, ...issuer.environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const started = /Dashboard on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (started?.[1] !== undefined) resolve({ url: started[1], server });
    });
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => {
      reject(new Error(`serve exited ${String(code)}: ${output}`));
    });
  });

/** Stops a server started by {@link startDashboard} and waits until it has exited. */
export const stopDashboard = async (server: ChildProcess | undefined): Promise<void> => {
  if (server === undefined || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
};
