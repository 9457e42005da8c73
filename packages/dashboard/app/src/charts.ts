import * as Plot from '@observablehq/plot';
import type { Chart, ChartBar } from '../../src/api/dashboardJson.js';
import { h } from './dom.js';

const INK = '#1b1f29';
const BAR = '#2c5d9e';
const FUNNEL = '#1f7a57';
const REFERENCE = '#c2410c';

/** The whiskers of the bars' intervals and the ticks of their references, where they have any. */
const extraMarks = (chart: Chart): Plot.Markish[] => {
  const intervals = chart.bars.filter((bar) => bar.low !== undefined && bar.high !== undefined);
  const references = chart.bars.filter((bar) => bar.reference !== undefined);
  return [
    ...(intervals.length === 0
      ? []
      : [
          Plot.ruleY(intervals, {
            y: 'label',
            x1: 'low',
            x2: 'high',
            stroke: INK,
            strokeWidth: 2,
            ariaLabel: 'interval',
            className: 'interval',
          }),
        ]),
    ...(references.length === 0
      ? []
      : [
          Plot.tickX(references, {
            x: 'reference',
            y: 'label',
            stroke: REFERENCE,
            strokeWidth: 3,
            ariaLabel: 'reference',
            className: 'reference',
          }),
        ]),
  ];
};

/** The largest figure the chart draws, bars and marks alike. */
const extent = (chart: Chart): number =>
  Math.max(
    ...chart.bars.flatMap((bar) =>
      [bar.value, bar.high, bar.reference].filter((v): v is number => v !== undefined),
    ),
  );

/**
 * Draws a chart as SVG with Observable Plot: horizontal bars in the order given (a funnel's
 * centred on its axis), each bar's figure written beside it, and each bar a link to the records
 * behind it. Negative values (a loss-making campaign) draw left of a zero rule.
 */
const plotOf = (chart: Chart): SVGSVGElement | HTMLElement => {
  const funnel = chart.kind === 'funnel';
  const longest = Math.max(...chart.bars.map((bar) => Math.abs(bar.value)), 1);
  // Room for the longest label at about 7.5 pixels a character, so no label is cut.
  const labelWidth = Math.max(...chart.bars.map((bar) => bar.label.length)) * 7.5 + 16;
  const figureWidth = Math.max(130, ...chart.bars.map((bar) => bar.display.length * 7 + 16));
  const marked = chart.bars.some((bar) => bar.high !== undefined || bar.reference !== undefined);
  return Plot.plot({
    width: 390 + Math.min(labelWidth, 260) + figureWidth,
    height: 36 + chart.bars.length * 30,
    marginLeft: Math.min(labelWidth, 260),
    marginRight: figureWidth,
    style: { color: INK, fontSize: '13px', background: 'transparent' },
    ariaLabel: chart.title,
    x: funnel
      ? { axis: null, domain: [-longest / 2, longest / 2] }
      : { grid: true, nice: true, label: null },
    y: { domain: chart.bars.map((bar) => bar.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(chart.bars, {
        x1: (bar: ChartBar) => (funnel ? -Math.abs(bar.value) / 2 : 0),
        x2: (bar: ChartBar) => (funnel ? Math.abs(bar.value) / 2 : bar.value),
        y: 'label',
        fill: funnel ? FUNNEL : BAR,
        href: (bar: ChartBar) => bar.drill ?? null,
        title: (bar: ChartBar) => `${bar.label}: ${bar.display}`,
        ariaLabel: 'bar',
        className: 'bar',
      }),
      Plot.text(chart.bars, {
        // Beside the bar, or in a column past every mark when the chart has intervals or ticks.
        x: (bar: ChartBar) =>
          funnel ? longest / 2 : Math.max(marked ? extent(chart) : bar.value, 0),
        y: 'label',
        text: 'display',
        textAnchor: 'start',
        dx: 6,
        fill: INK,
        ariaLabel: 'figure',
        className: 'bar-figure',
      }),
      ...(funnel ? [] : [Plot.ruleX([0], { stroke: INK }), ...extraMarks(chart)]),
    ],
  });
};

const figuresTable = (chart: Chart): HTMLElement =>
  h(
    'table',
    { class: 'figures' },
    h('caption', { class: 'visually-hidden' }, `${chart.title}: the figures`),
    h(
      'tbody',
      {},
      ...chart.bars.map((bar) =>
        h(
          'tr',
          { 'data-label': bar.label },
          h('th', { scope: 'row' }, bar.label),
          h(
            'td',
            { class: 'number' },
            bar.drill === undefined ? bar.display : h('a', { href: bar.drill }, bar.display),
          ),
        ),
      ),
    ),
  );

/** The key to the marks beyond the bars, or nothing when there are none. */
const keyOf = (chart: Chart): string => {
  const parts = [
    chart.bars.some((bar) => bar.low !== undefined) ? 'black line: the interval' : '',
    chart.bars.some((bar) => bar.reference !== undefined)
      ? `orange tick: ${chart.referenceLabel ?? 'the reference'}`
      : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
};

/** A chart in a figure: its title, the SVG, and the same figures as a table of links. */
export const chartFigure = (chart: Chart): HTMLElement => {
  const figure = h(
    'figure',
    { class: 'chart', 'data-chart': chart.key },
    h('figcaption', {}, chart.title, keyOf(chart)),
  );
  if (chart.bars.length === 0) {
    figure.append(h('p', { class: 'empty' }, 'Nothing to show for these filters.'));
    return figure;
  }
  const svg = plotOf(chart);
  // The table below carries the same links: one tab stop per figure, not two.
  for (const link of svg.querySelectorAll('a')) link.setAttribute('tabindex', '-1');
  figure.append(svg, figuresTable(chart));
  return figure;
};
