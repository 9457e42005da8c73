import type { ReportSection } from '../html/htmlReport.js';
import { renderHtmlReport } from '../html/htmlReport.js';
import { UTF8_BOM, formatCsv } from '../output/csv.js';
import { reportCsvTable } from './reportCsv.js';
import { formatTable } from '../output/table.js';
import { displayRow, displayValue, isFigure, shownColumns } from './cellDisplay.js';
import type { Report } from './report.js';
import { reportJson, reportsJson } from './reportJson.js';

/** The output formats of `clientele report`. */
export const FORMATS = ['table', 'json', 'csv', 'html'] as const;
/** An output format. */
export type ReportFormat = (typeof FORMATS)[number];

/** A report as people read it: shown columns, labels and units, a total row, the date in the title. */
export const reportSection = (
  report: Report,
): ReportSection & { readonly heading: string; readonly extraTotals: string[] } => {
  const shown = shownColumns(report.columns);
  const rowKeys = new Set(shown.map((c) => c.key));
  const totalRow = shown.map((c, i) =>
    c.key in report.totals ? displayValue(c, report.totals[c.key] ?? null) : i === 0 ? 'Total' : '',
  );
  return {
    id: report.name,
    title: report.title,
    heading: `${report.title} as of ${report.asOf}`,
    header: shown.map((c) => c.title),
    figures: shown.map(isFigure),
    rows: [...report.rows.map((row) => displayRow(report.columns, row)), totalRow],
    chart: report.chart,
    note: report.note,
    extraTotals: report.totalColumns
      .filter((c) => !rowKeys.has(c.key))
      .map((c) => `${c.title}: ${displayValue(c, report.totals[c.key] ?? null)}`),
  };
};

const tableOf = (report: Report): string => {
  const section = reportSection(report);
  const extra = section.extraTotals.length === 0 ? '' : `\n\n${section.extraTotals.join('\n')}`;
  return `${section.heading}\n${'='.repeat(section.heading.length)}\n${formatTable(section.header, section.rows, section.figures)}${extra}${report.note === undefined ? '' : `\n\n${report.note}`}\n`;
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** One report as a CSV file: one header row, numeric columns, optionally with a BOM. */
export const reportCsv = (report: Report, bom: boolean): string => {
  const { header, rows } = reportCsvTable(report);
  return `${bom ? UTF8_BOM : ''}${formatCsv(header, rows)}`;
};

/** One report as a JSON document. */
export const reportJsonText = (report: Report): string => json(reportJson(report));

/**
 * Renders reports in one format: tables with a dated title each; one JSON object (several
 * reports: `{asOf, reports}`); CSV of one report; or one HTML page.
 */
export const renderReports = (
  reports: readonly Report[],
  format: Exclude<ReportFormat, 'csv'> | 'csv',
  options: { readonly asOf: string; readonly subtitle: string; readonly bom?: boolean },
): string => {
  switch (format) {
    case 'table':
      return reports.map(tableOf).join('\n');
    case 'json':
      return reports.length === 1 && reports[0] !== undefined
        ? reportJsonText(reports[0])
        : json(reportsJson(reports, options.asOf));
    case 'csv':
      return reports.map((r) => reportCsv(r, options.bom === true)).join('');
    case 'html':
      return renderHtmlReport('Clientele report', options.subtitle, reports.map(reportSection));
  }
};
