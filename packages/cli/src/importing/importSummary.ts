import type { ImportReport } from '@clientele/domain';

const count = (n: number): string => n.toLocaleString('en-US');

/** What became of the import as a whole: the first line of its summary. */
const verdict = (report: ImportReport, written: boolean, dryRun: boolean): string => {
  const rejected = report.rejected.length;
  if (dryRun) return 'dry run: nothing was written';
  if (!written)
    return `nothing was written: ${count(rejected)} row(s) rejected; fix them, or give --skip-invalid to write the others`;
  return rejected > 0
    ? `written, except the ${count(rejected)} rejected row(s) (--skip-invalid)`
    : '';
};

/** The summary printed after an import: rows, commands, unchanged, rejected and events. */
export const renderImportSummary = (
  report: ImportReport,
  written: boolean,
  dryRun: boolean,
): string => {
  const events = Object.entries(report.events).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const appended = events.reduce((sum, [, n]) => sum + n, 0);
  return [
    verdict(report, written, dryRun),
    `rows read:          ${count(report.rows)}`,
    `commands accepted:  ${count(report.commandsAccepted)}`,
    `  changed nothing:  ${count(report.commandsUnchanged)} (duplicates of an earlier import, or repeats)`,
    `  skipped:          ${count(report.commandsSkipped)} (already done by an interrupted import)`,
    `rows rejected:      ${count(report.rejected.length)}`,
    `${written ? 'events appended: ' : 'events decided:  '}   ${count(appended)}`,
    ...events.map(([type, n]) => `  ${type}: ${count(n)}`),
  ]
    .filter((line) => line !== '')
    .map((line) => `${line}\n`)
    .join('');
};

/** One line per rejected row: its line number and every reason. */
export const renderRejections = (report: ImportReport): string =>
  report.rejected.map((row) => `line ${row.lineNumber}: ${row.problems.join('; ')}\n`).join('');

/** How many of the first commands a dry run lists. */
export const DRY_RUN_LISTED = 5;

/** The first commands a dry run would send, one JSON object a line, as the entry points get them. */
export const renderFirstCommands = (commands: readonly unknown[]): string =>
  commands.length === 0
    ? ''
    : `the first ${commands.length} command(s):\n${commands
        .map(
          (command) =>
            `  ${JSON.stringify(command, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}\n`,
        )
        .join('')}`;
