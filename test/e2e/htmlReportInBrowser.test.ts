import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { renderHtmlReport } from '../../packages/cli/src/html/htmlReport.js';
import { browserUnavailable, launchChromium } from '../support/browser.js';
import { describeWhenAvailable } from '../support/requireService.js';

const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

describeWhenAvailable('HTML report in headless Chromium', browserUnavailable(), () => {
  it('renders every chart with the figures of its table, and saves a screenshot', async () => {
    mkdirSync(artifacts, { recursive: true });
    const page = renderHtmlReport('Clientele report', 'sample figures', [
      {
        title: 'Funnel',
        chart: {
          kind: 'funnel',
          title: 'Leads by stage',
          bars: [
            { label: 'captured', value: 100, display: '100' },
            { label: 'qualified', value: 40, display: '40' },
            { label: 'won', value: 10, display: '10' },
          ],
        },
        header: ['stage', 'count'],
        rows: [
          ['captured', 100],
          ['qualified', 40],
          ['won', 10],
        ],
      },
      {
        title: 'Campaign ROI',
        chart: {
          kind: 'bars',
          title: 'ROI',
          bars: [
            { label: 'Fair', value: -0.25, display: '-25%' },
            { label: 'Web', value: 2, display: '200%' },
          ],
        },
        header: ['campaign', 'roi'],
        rows: [
          ['Fair', -0.25],
          ['Web', 2],
        ],
      },
    ]);
    const file = join(artifacts, 'sample-report.html');
    writeFileSync(file, page);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const requests: string[] = [];
      tab.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      await tab.goto(pathToFileURL(file).href);
      const bars = await tab.$$eval('g.bar', (nodes) =>
        nodes.map((node) => ({
          label: node.getAttribute('data-label'),
          value: Number(node.getAttribute('data-value')),
          width: (
            node.querySelector('rect') as unknown as { getBBox(): { width: number } }
          ).getBBox().width,
        })),
      );
      expect(bars.map((bar) => [bar.label, bar.value])).toEqual([
        ['captured', 100],
        ['qualified', 40],
        ['won', 10],
        ['Fair', -0.25],
        ['Web', 2],
      ]);
      expect(bars[0]!.width / bars[1]!.width).toBeCloseTo(100 / 40, 1);
      expect(requests).toEqual([]);
      await tab.screenshot({ path: join(artifacts, 'sample-report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
