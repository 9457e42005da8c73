import type { Actor, EventStore } from '@clientele/eventstore';
import { createAccessLogRecorder } from '@clientele/domain';
import type { Report } from './report.js';

/**
 * The people a report's rows name: the values of its data-subject columns (customer ids), each
 * once, in row order. Showing the report is a read of their personal data.
 */
export const reportSubjects = (report: Report): string[] => {
  const keys = report.columns.filter((column) => column.dataSubject === true).map((c) => c.key);
  const subjects = new Set<string>();
  for (const row of report.rows)
    for (const key of keys) {
      const value = row[key];
      if (typeof value === 'string' && value !== '') subjects.add(value);
    }
  return [...subjects];
};

/**
 * Puts the reports' reads on record, as `actor`: one `report <name>` record per report whose rows
 * name customers, with their ids only. Resolves once written; a report of figures alone is no
 * record.
 */
export const recordReportReads = async (
  events: EventStore,
  actor: Actor,
  rendered: readonly Report[],
): Promise<void> => {
  const accessLog = createAccessLogRecorder(events);
  for (const report of rendered)
    accessLog.record({ actor, through: `report ${report.name}`, subjects: reportSubjects(report) });
  await accessLog.flush();
};
