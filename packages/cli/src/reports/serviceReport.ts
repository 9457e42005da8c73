import { officeHours } from '@clientele/domain';
import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { ReadAccess, ReadModelStore } from '@clientele/projections';
import { serviceReport as serviceFigures } from '@clientele/projections';
import { days, percent } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';

/** The business hours SLAs are measured in, until a tenant configures its own. */
const DEFAULT_CALENDAR = officeHours('UTC');

/**
 * Service: tickets by status and priority, SLA breaches, response and resolution times,
 * satisfaction (`Ticket.read`).
 */
export const serviceReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: ReportOptions,
): Promise<E.Either<AuthorizationDenial, RenderedReport>> => {
  const figures = await serviceFigures(readModels, access, {
    asOf: `${options.asOf}T23:59:59Z`,
    calendar: DEFAULT_CALENDAR,
  });
  if (E.isLeft(figures)) return figures;
  const report = figures.right;
  return E.right({
    title: `Service as of ${options.asOf}`,
    chart: {
      kind: 'bars',
      title: 'Tickets by status',
      bars: Object.entries(
        report.tickets.reduce<Record<string, number>>(
          (byStatus, row) => ({
            ...byStatus,
            [row.status]: (byStatus[row.status] ?? 0) + row.count,
          }),
          {},
        ),
      ).map(([status, count]) => ({
        label: status,
        value: count,
        display: count.toLocaleString('en-US'),
      })),
    },
    header: ['status', 'priority', 'tickets'],
    rows: report.tickets.map((row) => [row.status, row.priority, row.count]),
    note:
      `First-response breaches ${report.firstResponseBreaches}, resolution breaches ${report.resolutionBreaches}, breach rate ${percent(report.breachRate) ?? '—'}%; ` +
      `median business minutes to first response ${days(report.firstResponseMinutes.median) ?? '—'}, to resolution ${days(report.resolutionMinutes.median) ?? '—'}; ` +
      `satisfaction mean ${days(report.satisfaction.mean) ?? '—'} of 5 (${report.satisfaction.count} ratings). Business hours 09:00–18:00 UTC, Monday to Friday.`,
    data: report,
  });
};
