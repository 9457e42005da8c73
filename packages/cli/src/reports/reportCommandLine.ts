import { existsSync, statSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandInput } from '../command.js';
import type { ReportDefinition, ReportName } from './index.js';
import { isReportName, reports } from './index.js';
import type { ReportFormat } from './renderReports.js';
import { FORMATS } from './renderReports.js';
import type { ReportOptions } from './reportSection.js';

/** Whether `--out` names a folder (ends with a slash, or is one): one file per report goes there. */
export const isOutputFolder = (out: string): boolean =>
  out.endsWith('/') || (existsSync(out) && statSync(out).isDirectory());

const PERIODS = ['month', 'quarter', 'year', 'all'] as const;

/** What `clientele report` was asked, checked. */
export interface ReportRequest {
  readonly names: readonly ReportName[];
  /** `all` was asked: a report the role may not read is left out, not refused. */
  readonly all: boolean;
  readonly format: ReportFormat;
  readonly out: string | undefined;
  readonly bom: boolean;
  readonly givenAsOf: string | undefined;
  readonly options: Omit<ReportOptions, 'asOf'>;
}

/** Whether text is a real calendar day, `YYYY-MM-DD` (no 2026-02-30, no 2026-13-45). */
export const isCalendarDay = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
};

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

const checkBy = (chosen: readonly ReportName[], by: string | undefined): string | undefined => {
  if (by === undefined) return undefined;
  const grouped: [ReportName, ReportDefinition][] = chosen
    .map((name): [ReportName, ReportDefinition] => [name, reports[name]])
    .filter(([, report]) => report.groupings.length > 0);
  if (grouped.some(([, report]) => report.groupings.includes(by))) return undefined;
  if (grouped.length === 0) return `${chosen.join(', ')} cannot be grouped: leave out --by`;
  return `--by ${by} is not a grouping of ${grouped.map(([name]) => name).join(' or ')}; ${grouped
    .map(([name, report]) => `${name}: ${report.groupings.join(', ')}`)
    .join('; ')}`;
};

/** `--bom` (CSV only) and `--neglected-days` (a whole number of days, 1 or more). */
const extraOptions = (
  values: CommandInput['values'],
  format: string,
): E.Either<string, { readonly neglectedDays?: number }> => {
  if (values['bom'] === true && format !== 'csv') return E.left('--bom is for --format csv');
  const given = values['neglected-days'];
  if (given === undefined) return E.right({});
  const days = Number(given);
  return Number.isInteger(days) && days >= 1
    ? E.right({ neglectedDays: days })
    : E.left(`--neglected-days takes a whole number of days, 1 or more (got ${String(given)})`);
};

/** The reports named on the command line (`all` for every one), each once, in order asked. */
const chosenReports = (
  positionals: readonly string[],
): E.Either<string, { readonly all: boolean; readonly chosen: readonly ReportName[] }> => {
  const names = Object.keys(reports);
  const all = positionals.includes('all');
  const asked = all ? names : positionals;
  if (asked.length === 0) return E.left(`name a report: ${names.join(', ')} or all`);
  const unknown = asked.filter((name) => !isReportName(name));
  if (unknown.length > 0)
    return E.left(`no report named ${unknown.join(', ')}; there are ${names.join(', ')}`);
  return E.right({ all, chosen: [...new Set(asked.filter(isReportName))] });
};

/** The calendar days of `--from`, `--to` and `--as-of`, `--from` not after `--to`. */
const calendarDays = (
  values: CommandInput['values'],
): E.Either<string, Readonly<Record<'from' | 'to' | 'as-of', string | undefined>>> => {
  const days: Record<string, string | undefined> = {};
  for (const flag of ['from', 'to', 'as-of'] as const) {
    const value = values[flag];
    if (value !== undefined && (typeof value !== 'string' || !isCalendarDay(value)))
      return E.left(`--${flag} takes a calendar day, YYYY-MM-DD (got ${String(value)})`);
    days[flag] = value;
  }
  const { from, to } = days;
  if (from !== undefined && to !== undefined && from > to)
    return E.left(`--from ${from} comes after --to ${to}`);
  return E.right({ from, to, 'as-of': days['as-of'] });
};

/** CSV holds one report per file: several reports need `--out DIR/`. */
const checkCsvOut = (
  format: ReportFormat,
  chosen: readonly ReportName[],
  out: string | undefined,
): string | undefined =>
  format === 'csv' && chosen.length > 1 && (out === undefined || !isOutputFolder(out))
    ? 'CSV holds one report per file: name one report, or give --out DIR/ for a file per report'
    : undefined;

/** Checks every option of `clientele report`: the message says what is wrong, nothing is read. */
export const parseReportRequest = ({
  positionals,
  values,
}: CommandInput): E.Either<string, ReportRequest> => {
  const reportsAsked = chosenReports(positionals);
  if (E.isLeft(reportsAsked)) return reportsAsked;
  const { all, chosen } = reportsAsked.right;
  const format = String(values['format'] ?? 'table');
  if (!oneOf(FORMATS, format)) return E.left(`--format must be one of ${FORMATS.join(', ')}`);
  const period = String(values['period'] ?? 'quarter');
  if (!oneOf(PERIODS, period)) return E.left('--period must be month, quarter, year or all');
  const days = calendarDays(values);
  if (E.isLeft(days)) return days;
  const { from, to } = days.right;
  const by = values['by'] as string | undefined;
  const out = values['out'] as string | undefined;
  const wrong = checkBy(chosen, by) ?? checkCsvOut(format, chosen, out);
  if (wrong !== undefined) return E.left(wrong);
  const extra = extraOptions(values, format);
  if (E.isLeft(extra)) return extra;
  return E.right({
    names: chosen,
    all,
    format,
    out,
    bom: values['bom'] === true,
    givenAsOf: days.right['as-of'],
    options: { period, by, from, to, detail: true, ...extra.right },
  });
};
