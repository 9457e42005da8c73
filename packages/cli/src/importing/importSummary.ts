import type { ImportReport } from '@clientele/domain';

const count = (n: number): string => n.toLocaleString('en-US');

/** The summary printed after an import: rows, commands, unchanged, rejected and events. */
export const renderImportSummary = (report: ImportReport, dryRun: boolean): string => {
  const events = Object.entries(report.events).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const appended = events.reduce((sum, [, n]) => sum + n, 0);
  return [
    dryRun ? 'dry run: nothing was written' : '',
    `rows read:          ${count(report.rows)}`,
    `commands accepted:  ${count(report.commandsAccepted)}`,
    `  changed nothing:  ${count(report.commandsUnchanged)} (duplicates of an earlier import, or repeats)`,
    `  skipped:          ${count(report.commandsSkipped)} (already done by an interrupted import)`,
    `rows rejected:      ${count(report.rejected.length)}`,
    `events appended:    ${count(appended)}`,
    ...events.map(([type, n]) => `  ${type}: ${count(n)}`),
  ]
    .filter((line) => line !== '')
    .map((line) => `${line}\n`)
    .join('');
};

/** One line per rejected row: its line number and every reason. */
export const renderRejections = (report: ImportReport): string =>
  report.rejected.map((row) => `line ${row.lineNumber}: ${row.problems.join('; ')}\n`).join('');
