import type { ReadRefusal } from '@clientele/projections';
import { officeHours } from '@clientele/domain';
import * as E from 'fp-ts/lib/Either.js';
import { serviceReport as serviceFigures } from '@clientele/projections';
import { codeLabel } from './cellDisplay.js';
import { oneDecimal, percent } from './figures.js';
import type { Report } from './report.js';
import { column, nullable } from './report.js';
import type { ReportShape } from './reportJson.js';
import type { ReportContext, ReportOptions } from './reportSection.js';

/** The business hours SLAs are measured in, until a tenant configures its own. */
const DEFAULT_CALENDAR = officeHours('UTC');

/** The columns of the service report. */
export const serviceShape: ReportShape = {
  name: 'service',
  description:
    'Tickets by status and priority; totals with SLA breaches, response and resolution times and satisfaction.',
  columns: [
    column('code', 'status', 'status', 'The ticket’s current status.'),
    column('code', 'priority', 'priority', 'low, normal, high or urgent.'),
    column('count', 'tickets', 'tickets', 'Tickets with this status and priority.'),
  ],
  totalColumns: [
    column('count', 'tickets', 'tickets', 'All tickets.'),
    column(
      'count',
      'firstResponseBreaches',
      'first-response breaches',
      'Tickets answered late, or still unanswered past the target.',
    ),
    column(
      'count',
      'resolutionBreaches',
      'resolution breaches',
      'Tickets resolved late, or still open past the target.',
    ),
    column(
      'percent',
      'breachRatePercent',
      'breach rate',
      nullable('Tickets that breached any target ÷ tickets measured.'),
    ),
    column(
      'minutes',
      'medianFirstResponseMinutes',
      'median first response',
      nullable('Median business minutes to the first response.'),
    ),
    column(
      'minutes',
      'medianResolutionMinutes',
      'median resolution',
      nullable('Median business minutes to the first resolution.'),
    ),
    column(
      'score',
      'satisfactionMean',
      'satisfaction',
      nullable('Mean satisfaction score, 1 to 5.'),
    ),
    column('count', 'satisfactionRatings', 'ratings', 'Satisfaction scores given.'),
  ],
};

/**
 * Service: tickets by status and priority, SLA breaches, response and resolution times,
 * satisfaction (`Ticket.read`), measured at the end of the report day.
 */
export const serviceReport = async (
  { readModels, access }: ReportContext,
  options: ReportOptions,
): Promise<E.Either<ReadRefusal, Report>> => {
  const figures = await serviceFigures(readModels, access, {
    asOf: `${options.asOf}T23:59:59Z`,
    calendar: DEFAULT_CALENDAR,
  });
  if (E.isLeft(figures)) return figures;
  const report = figures.right;
  const byStatus = new Map<string, number>();
  for (const row of report.tickets)
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
  return E.right({
    name: 'service',
    title: 'Service',
    asOf: options.asOf,
    columns: serviceShape.columns,
    rows: report.tickets.map((row) => ({
      status: row.status,
      priority: row.priority,
      tickets: row.count,
    })),
    totalColumns: serviceShape.totalColumns,
    totals: {
      tickets: [...byStatus.values()].reduce((a, b) => a + b, 0),
      firstResponseBreaches: report.firstResponseBreaches,
      resolutionBreaches: report.resolutionBreaches,
      breachRatePercent: percent(report.breachRate),
      medianFirstResponseMinutes: oneDecimal(report.firstResponseMinutes.median),
      medianResolutionMinutes: oneDecimal(report.resolutionMinutes.median),
      satisfactionMean: oneDecimal(report.satisfaction.mean),
      satisfactionRatings: report.satisfaction.count,
    },
    chart: {
      kind: 'bars',
      title: 'Tickets by status',
      bars: [...byStatus].map(([status, count]) => ({
        label: codeLabel(status),
        key: status,
        value: count,
        display: count.toLocaleString('en-US'),
      })),
    },
    note: 'SLAs are measured in business hours, 09:00–18:00 UTC, Monday to Friday, at the end of the report day.',
  });
};
