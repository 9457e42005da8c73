import { officeHours } from '@clientele/domain';
import type { ReadModelStore } from '@clientele/projections';
import { serviceReport as serviceFigures } from '@clientele/projections';
import { days, percent } from './figures.js';
import type { RenderedReport, ReportOptions } from './reportSection.js';

/** The business hours SLAs are measured in, until a tenant configures its own. */
const DEFAULT_CALENDAR = officeHours('UTC');

/** Service: tickets by status and priority, SLA breaches, response and resolution times, satisfaction. */
export const serviceReport = async (
  readModels: ReadModelStore,
  options: ReportOptions,
): Promise<RenderedReport> => {
  const report = await serviceFigures(readModels, {
    asOf: `${options.asOf}T23:59:59Z`,
    calendar: DEFAULT_CALENDAR,
  });
  return {
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
  };
};
