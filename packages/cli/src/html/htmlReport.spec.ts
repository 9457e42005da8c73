import { describe, expect, it } from 'vitest';
import { renderChart } from './charts.js';
import { renderHtmlReport } from './htmlReport.js';

describe('HTML reports', () => {
  it('draw bars to scale with their figures readable from the markup', () => {
    const svg = renderChart({
      kind: 'bars',
      title: 'Won revenue',
      bars: [
        { label: 'Ada', value: 300, display: '€3.00' },
        { label: 'Grace', value: 150, display: '€1.50' },
      ],
    });
    expect(svg).toContain('data-label="Ada" data-value="300"');
    const widths = [...svg.matchAll(/width="([\d.]+)" height="20"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([420, 210]);
  });

  it('draw negative values to the left of a zero line', () => {
    const svg = renderChart({
      kind: 'bars',
      title: 'ROI',
      bars: [
        { label: 'Fair', value: -0.5, display: '-50%' },
        { label: 'Web', value: 1.5, display: '150%' },
      ],
    });
    expect(svg).toContain('class="zero"');
  });

  it('draw an interval as a line across its bar and a reference as a tick, to the bars’ scale', () => {
    const svg = renderChart({
      kind: 'bars',
      title: 'Forecast',
      referenceLabel: 'budget',
      bars: [
        { label: 'EMEA', value: 200, low: 100, high: 400, display: '200 (100 – 400)' },
        { label: 'NA', value: 100, reference: 300, display: '100 of 300' },
      ],
    });
    // 420 pixels for 400 units, from x = 180: the interval 100–400 spans 285 to 600.
    expect(svg).toContain('class="interval" x1="285.0" y1="14" x2="600.0"');
    expect(svg).toContain('class="reference" x1="495.0"');
    expect(svg).toContain('tick: budget');
  });

  it('escape every piece of text and fetch nothing', () => {
    const page = renderHtmlReport('Report <1>', 'as of 2026', [
      { title: 'A & B', header: ['name'], rows: [['<script>alert(1)</script>']] },
    ]);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toMatch(/(src|href)=/);
  });
});
