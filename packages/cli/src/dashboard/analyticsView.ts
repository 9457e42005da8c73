import type { Analytics, DashboardFilters } from '@clientele/dashboard';
import type { ReportContext, ReportName } from '../reports/index.js';
import { reportOptionsOf } from './dealSelection.js';
import { chartsOf } from './overview.js';

// Each of these walks the whole log and fits its model, seconds on a large store: they have a
// page of their own so the overview stays quick to redraw on every change.
const ANALYTICS_CHARTS: readonly { name: ReportName; by?: string }[] = [
  { name: 'segments' },
  { name: 'scores' },
  { name: 'forecast', by: 'office' },
  { name: 'forecast', by: 'team' },
];

/**
 * The analytics page as `context.access` allows: segment movement, the calibration of the win
 * probabilities and the bookings forecast with its interval, as `clientele report` builds them.
 */
export const analyticsView = async (
  context: ReportContext,
  filters: DashboardFilters,
  asOf: string,
): Promise<Analytics> => {
  const withheld: string[] = [];
  const charts = await chartsOf(
    context,
    ANALYTICS_CHARTS,
    reportOptionsOf(filters, asOf),
    withheld,
  );
  return { asOf, charts, withheld };
};
