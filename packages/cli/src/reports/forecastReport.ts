import * as E from 'fp-ts/lib/Either.js';
import type { DateOnly, SalesOrganizationState } from '@clientele/domain';
import { inReadScope, placementOn } from '@clientele/domain';
import type { AuthorizationDenial, RecordedEvent } from '@clientele/eventstore';
import type { GroupForecast, ReadModelStore } from '@clientele/projections';
import {
  OrganizationDocument,
  activeDocuments,
  datedDealEvents,
  forecastByGroup,
  organizationNames,
  organizationState,
} from '@clientele/projections';
import { formatMoney, majorUnits } from './figures.js';
import type { Report } from './report.js';
import { column } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

/** The groupings `report forecast --by` accepts. */
export const FORECAST_GROUPINGS = ['office', 'team'] as const;

const FIGURES = [
  column('count', 'deals', 'open deals', 'Deals open on the report date.'),
  column(
    'money',
    'forecast',
    'forecast',
    'Expected bookings of the next quarter: calibrated pipeline + run rate.',
  ),
  column(
    'money',
    'low',
    'low (80 %)',
    'Lower end of the interval from deal outcomes alone (see docs/analytics.md: too narrow in the backtest).',
  ),
  column('money', 'high', 'high (80 %)', 'Upper end of that interval.'),
  column(
    'money',
    'pipeline',
    'from pipeline',
    'Open deals × stage probability × calibration factor.',
  ),
  column('money', 'runRate', 'run rate', 'Last quarter’s bookings from deals opened within it.'),
  column(
    'percent',
    'calibrationPercent',
    'calibration',
    'What last quarter’s open pipeline won ÷ what its stage probabilities said, in percent.',
  ),
];

/** The columns of the forecast report. */
export const forecastShape: ReportShape = {
  name: 'forecast',
  description:
    'Next-quarter bookings forecast per office or team, with an interval, from the log as of the report date.',
  columns: [
    column('text', 'group', 'group', { description: 'The office or team id.', machineOnly: true }),
    column('text', 'groupName', 'group', {
      description: 'The office’s or team’s name.',
      nullable: true,
      fallbackKey: 'group',
    }),
    ...FIGURES,
  ],
  totalColumns: FIGURES,
};

const organizationsOf = async (readModels: ReadModelStore): Promise<SalesOrganizationState[]> => {
  const states: SalesOrganizationState[] = [];
  for await (const { doc } of activeDocuments(
    readModels,
    'salesOrganization',
    OrganizationDocument,
  ))
    states.push(organizationState(doc));
  return states;
};

/** The day `months` calendar months after a `YYYY-MM-DD` day (clamped to the month's end). */
export const addMonths = (day: string, months: number): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)))
    .toISOString()
    .slice(0, 10);
};

const figures = (f: GroupForecast) => {
  const money = (minor: number) => ({ [f.currency]: Math.round(minor) });
  return {
    deals: f.deals,
    forecast: money(f.forecast),
    low: money(f.low),
    high: money(f.high),
    pipeline: money(f.pipeline),
    runRate: money(f.runRate),
    calibrationPercent: Math.round(f.calibration * 10_000) / 100,
  };
};

/** The currency with the most open pipeline on the day, or undefined when nothing is open. */
const mainOpenCurrency = (events: readonly RecordedEvent[]) => {
  const counts = new Map<string, number>();
  for (const event of events) {
    const amount = (event.data as { amount?: { currency?: string } }).amount;
    if (event.type === 'OpportunityOpened' && typeof amount?.currency === 'string')
      counts.set(amount.currency, (counts.get(amount.currency) ?? 0) + 1);
  }
  return [...counts].sort(([, a], [, b]) => b - a)[0]?.[0];
};

/**
 * The next quarter's bookings per office (or team) and in total, over the deals the actor may read
 * (`Opportunity.read`), from the log as of the report date. A deal counts for the office or team
 * its owner sat in on that date.
 */
export const forecastReport = async (
  { readModels, events, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, Report>> => {
  const scope = access.scope('Opportunity.read');
  if (E.isLeft(scope)) return scope;
  const by = FORECAST_GROUPINGS.find((g) => g === options.by) ?? 'office';
  const all: RecordedEvent[] = [];
  for await (const event of events.readAll()) all.push(event);
  const organizations = await organizationsOf(readModels);
  const names = await organizationNames(readModels);
  const groupOf = (ownerId: string) => {
    for (const state of organizations) {
      const placement = placementOn(state, ownerId, options.asOf as DateOnly);
      if (placement !== undefined) return by === 'office' ? placement.officeId : placement.teamId;
    }
    return undefined;
  };
  const window = {
    previousFrom: addMonths(options.asOf, -3),
    from: options.asOf,
    to: addMonths(options.asOf, 3),
  };
  const currency = mainOpenCurrency(all) ?? 'EUR';
  const forecasts = forecastByGroup(datedDealEvents(all), window, currency, {
    groupOf,
    readable: (ownerId) => inReadScope(scope.right, ownerId),
  });
  const groups = forecasts.filter((f) => f.group !== null);
  const total = forecasts.find((f) => f.group === null);
  return E.right({
    name: 'forecast',
    title: `Bookings forecast ${window.from} → ${window.to} by ${by} (${currency})`,
    asOf: options.asOf,
    columns: forecastShape.columns.map((c) => (c.key === 'groupName' ? { ...c, title: by } : c)),
    rows: groups.map((f) => ({
      group: f.group,
      groupName: names.get(f.group ?? '') ?? null,
      ...figures(f),
    })),
    totalColumns: forecastShape.totalColumns,
    totals: total === undefined ? {} : figures(total),
    chart: {
      kind: 'bars',
      title: `Forecast bookings by ${by} with the 80 % interval (${currency})`,
      bars: groups.map((f) => ({
        label: names.get(f.group ?? '') ?? f.group ?? '',
        key: f.group ?? '',
        value: majorUnits({ [currency]: f.forecast }, currency),
        low: majorUnits({ [currency]: f.low }, currency),
        high: majorUnits({ [currency]: f.high }, currency),
        display: `${formatMoney({ [currency]: Math.round(f.forecast) })} (${formatMoney({ [currency]: Math.round(f.low) })} – ${formatMoney({ [currency]: Math.round(f.high) })})`,
      })),
    },
    note: 'Forecast = open pipeline × stage probability × last quarter’s calibration factor + last quarter’s run rate (docs/analytics.md). The interval counts only which deals close; in the Maven backtest no actual fell inside it.',
  });
};
