import type { Cell } from '../output/table.js';
import type { ChartSpec } from './charts.js';
import { renderChart } from './charts.js';
import { escapeHtml } from './escapeHtml.js';

/** One section of the HTML report: a chart and the figures it shows, in a table beside it. */
export interface ReportSection {
  /** The report's name (`receivables`), a stable anchor; defaults to the title. */
  readonly id?: string;
  readonly title: string;
  /** The heading shown, with the report date; defaults to the title. */
  readonly heading?: string;
  readonly chart?: ChartSpec | undefined;
  readonly header: readonly string[];
  /** Which columns hold figures (right-aligned) though written as text with their unit. */
  readonly figures?: readonly boolean[];
  readonly rows: readonly (readonly Cell[])[];
  /** One sentence on how the figures are defined (see docs/reports.md). */
  readonly note?: string | undefined;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
section { margin: 2rem 0; display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
section > h2 { flex-basis: 100%; font-size: 1.15rem; margin: 0; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .5rem; }
svg text { font-size: 12px; fill: #1d2330; } svg rect { fill: #3b6fb6; } .funnel svg rect { fill: #2f8f6b; }
svg line.zero { stroke: #888; } svg line.interval { stroke: #1d2330; stroke-width: 2; } svg line.reference { stroke: #c2410c; stroke-width: 3; }
table { border-collapse: collapse; } th, td { padding: .25rem .6rem; border-bottom: 1px solid #dde; }
td.number { text-align: right; font-variant-numeric: tabular-nums; } p.note { flex-basis: 100%; color: #556; margin: 0; }
`;

const cell = (value: Cell, figure: boolean): string =>
  value === null
    ? '<td class="number">—</td>'
    : typeof value === 'number'
      ? `<td class="number">${value.toLocaleString('en-US', { maximumFractionDigits: 4 })}</td>`
      : `<td${figure ? ' class="number"' : ''}>${escapeHtml(value)}</td>`;

/**
 * One self-contained page (inline CSS and SVG, no script, nothing fetched) with a chart and a
 * table per section.
 */
export const renderHtmlReport = (
  title: string,
  subtitle: string,
  sections: readonly ReportSection[],
): string =>
  [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(subtitle)}</p>`,
    ...sections.map((section) =>
      [
        `<section id="${escapeHtml(section.id ?? section.title)}" data-section="${escapeHtml(section.title)}">`,
        `<h2>${escapeHtml(section.heading ?? section.title)}</h2>`,
        section.chart === undefined ? '' : renderChart(section.chart),
        '<table>',
        `<thead><tr>${section.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        `<tbody>${section.rows.map((row) => `<tr>${row.map((value, i) => cell(value, section.figures?.[i] === true)).join('')}</tr>`).join('')}</tbody>`,
        '</table>',
        section.note === undefined ? '' : `<p class="note">${escapeHtml(section.note)}</p>`,
        '</section>',
      ].join('\n'),
    ),
    '</body></html>',
    '',
  ].join('\n');
