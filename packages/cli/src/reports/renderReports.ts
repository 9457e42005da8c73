import { renderHtmlReport } from '../html/htmlReport.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import type { RenderedReport } from './reportSection.js';

/** The output formats of `clientele report`. */
export const FORMATS = ['table', 'json', 'csv', 'html'] as const;
/** An output format. */
export type ReportFormat = (typeof FORMATS)[number];

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);

/** Renders reports in one format: tables with a title each, one JSON object, CSV sections, or one page. */
export const renderReports = (
  reports: readonly RenderedReport[],
  format: ReportFormat,
  subtitle: string,
): string => {
  switch (format) {
    case 'table':
      return reports
        .map(
          (r) =>
            `${r.title}\n${'='.repeat(r.title.length)}\n${formatTable(r.header, r.rows)}${r.note === undefined ? '' : `\n\n${r.note}`}\n`,
        )
        .join('\n');
    case 'json':
      return `${json(Object.fromEntries(reports.map((r) => [r.title, r.data])))}\n`;
    case 'csv':
      return reports
        .map((r) => (reports.length > 1 ? `# ${r.title}\r\n` : '') + formatCsv(r.header, r.rows))
        .join('\r\n');
    case 'html':
      return renderHtmlReport('Clientele report', subtitle, reports);
  }
};
