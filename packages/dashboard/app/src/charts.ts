import * as Plot from '@observablehq/plot';
import type { Chart, ChartBar } from '../../src/api/dashboardJson.js';
import { h } from './dom.js';

const INK = '#1b1f29';
const BAR = '#2c5d9e';
const FUNNEL = '#1f7a57';

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
  return Plot.plot({
    width: 520 + Math.min(labelWidth, 260),
    height: 36 + chart.bars.length * 30,
    marginLeft: Math.min(labelWidth, 260),
    marginRight: 130,
    style: { color: INK, fontSize: '13px', background: 'transparent' },
    ariaLabel: chart.title,
    x: funnel ? { axis: null, domain: [-longest / 2, longest / 2] } : { grid: true, nice: true },
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
        x: (bar: ChartBar) => (funnel ? longest / 2 : Math.max(bar.value, 0)),
        y: 'label',
        text: 'display',
        textAnchor: 'start',
        dx: 6,
        fill: INK,
        ariaLabel: 'figure',
        className: 'bar-figure',
      }),
      ...(funnel ? [] : [Plot.ruleX([0], { stroke: INK })]),
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

/** A chart in a figure: its title, the SVG, and the same figures as a table of links. */
export const chartFigure = (chart: Chart): HTMLElement => {
  const figure = h(
    'figure',
    { class: 'chart', 'data-chart': chart.key },
    h('figcaption', {}, chart.title),
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
