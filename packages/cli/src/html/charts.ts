import { escapeHtml } from './escapeHtml.js';

/** One bar: a label, its value (drawn to scale) and the text shown beside it. */
export interface Bar {
  readonly label: string;
  /** The code or id behind the label (a stage, a team id), for links that select the bar's records. */
  readonly key?: string;
  readonly value: number;
  readonly display: string;
  /** An interval around the value (a forecast's 80 % band), in the value's units. */
  readonly low?: number;
  readonly high?: number;
  /** A mark to hold the bar against (a budget, a predicted rate), in the value's units. */
  readonly reference?: number;
}

/** A chart the HTML report can draw: horizontal bars, or a funnel of narrowing stages. */
export interface ChartSpec {
  readonly kind: 'bars' | 'funnel';
  readonly title: string;
  readonly bars: readonly Bar[];
  /** What the bars' reference marks are (`budget`), said in the chart's key. */
  readonly referenceLabel?: string;
}

const ROW = 28;
const LABEL_WIDTH = 180;
const PLOT_WIDTH = 420;
const VALUE_WIDTH = 140;

/** The key to the marks beyond the bars: the interval's whiskers and the reference ticks. */
const keyOf = (chart: ChartSpec): string => {
  const parts = [
    chart.bars.some((bar) => bar.low !== undefined) ? 'line: the interval' : '',
    chart.bars.some((bar) => bar.reference !== undefined)
      ? `tick: ${escapeHtml(chart.referenceLabel ?? 'the reference')}`
      : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : ` <small>(${parts.join('; ')})</small>`;
};

/**
 * Renders a chart as inline SVG (no script, no network). Each bar carries `data-label` and
 * `data-value` attributes so a test can read the figures back from the rendered page.
 * Negative values (a loss-making campaign's ROI) draw to the left of a zero line; an interval
 * draws as a line across the bar, a reference (a budget) as a tick through it.
 */
export const renderChart = (chart: ChartSpec): string => {
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const height = Math.max(1, chart.bars.length) * ROW + 8;
  const values = chart.bars.flatMap((bar) =>
    [bar.value, bar.low, bar.high, bar.reference].filter((v): v is number => v !== undefined),
  );
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const zero = LABEL_WIDTH + (-min / span) * PLOT_WIDTH;
  const at = (value: number) => (zero + (value / span) * PLOT_WIDTH).toFixed(1);
  const rows = chart.bars.map((bar, index) => {
    const y = index * ROW + 4;
    const length = (Math.abs(bar.value) / span) * PLOT_WIDTH;
    const x =
      chart.kind === 'funnel'
        ? LABEL_WIDTH + (PLOT_WIDTH - length) / 2
        : bar.value < 0
          ? zero - length
          : zero;
    return [
      `<g class="bar" data-label="${escapeHtml(bar.label)}" data-value="${bar.value}">`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(length, 1).toFixed(1)}" height="${ROW - 8}" rx="3"/>`,
      bar.low === undefined || bar.high === undefined
        ? ''
        : `<line class="interval" x1="${at(bar.low)}" y1="${y + 10}" x2="${at(bar.high)}" y2="${y + 10}" data-low="${bar.low}" data-high="${bar.high}"/>`,
      bar.reference === undefined
        ? ''
        : `<line class="reference" x1="${at(bar.reference)}" y1="${y - 2}" x2="${at(bar.reference)}" y2="${y + ROW - 6}" data-reference="${bar.reference}"/>`,
      `<text x="${LABEL_WIDTH + PLOT_WIDTH + 8}" y="${y + 17}">${escapeHtml(bar.display)}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<figure class="chart ${chart.kind}" data-chart="${escapeHtml(chart.title)}">`,
    `<figcaption>${escapeHtml(chart.title)}${keyOf(chart)}</figcaption>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(chart.title)}">`,
    chart.kind === 'bars' && min < 0
      ? `<line x1="${zero}" y1="0" x2="${zero}" y2="${height}" class="zero"/>`
      : '',
    ...rows,
    '</svg>',
    '</figure>',
  ].join('\n');
};
