import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { ReadRefusal, ReportDate } from '@clientele/projections';
import { reportDate } from '@clientele/projections';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import { leftOut } from '../actor/readRefusal.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { actorMatchesNothing } from '../reports/actorFootprint.js';
import type { Report, ReportContext, ReportName } from '../reports/index.js';
import { reports } from '../reports/index.js';
import { recordReportReads } from '../reports/reportSubjects.js';
import { renderReports, reportCsv, reportJsonText } from '../reports/renderReports.js';
import type { ReportRequest } from '../reports/reportCommandLine.js';
import { isOutputFolder, parseReportRequest } from '../reports/reportCommandLine.js';
import { caughtUpReadAccess } from '../store/caughtUpReadAccess.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';

const names = Object.keys(reports) as ReportName[];
const groupings = names
  .filter((name) => reports[name].groupings.length > 0)
  .map((name) => `${name}: ${reports[name].groupings.join('|')}`)
  .join('; ');

const HELP = `Usage: clientele report <${names.join('|')}|all>... [options]

Brings the read models up to date with the log, then prints the reports, each headed with its
date.

  --format table|json|csv|html   output format (default table). json: fixed keys
                                 {report, asOf, rows, totals} (several reports: {asOf, reports});
                                 csv: one report per file, money as decimals with a currency
                                 column; html: one self-contained page with charts
  --out FILE|DIR/                write to FILE instead of standard output; with DIR/ (or an
                                 existing folder) one file per report, DIR/<report>.csv|json|…
  --bom                          with csv: start with a UTF-8 byte-order mark, for spreadsheets
  --by GROUP                     ${groupings}
  --period month|quarter|year|all   how periods and cohorts are bucketed (default quarter)
  --from DAY --to DAY            keep periods and cohorts between these calendar days (YYYY-MM-DD)
  --as-of DAY                    the report date (default: the latest day on which something
                                 happened in the data); later payments count as not yet made
  --neglected-days N             neglected: days without contact (default 30)
  --store URL                    the store (default sqlite:./clientele.db)
${ACTOR_HELP}

Each report shows what the actor's role may read: a rep their own leads, deals and figures, a
manager their team's. A report the role may not read at all is refused (exit 4, naming the
permission); with "all" such reports are left out and named on stderr. An actor limited to
their own records who owns none gets a warning on stderr. Customers' names are read from the
encrypted log for actors allowed to read them, "(erased)" once forgotten. A report whose rows
name customers is recorded in the access log (who, when, "report <name>", the customer ids)
before it is shown: see clientele audit access.

Exit codes: 0 printed; 1 the output could not be written; 2 a wrong option (nothing read);
3 store unavailable; 4 not allowed.
Definitions of every figure, and the JSON Schemas: docs/reports.md.`;

const EXTENSIONS = { table: 'txt', json: 'json', csv: 'csv', html: 'html' } as const;

/** What heads every report: the report date and where it came from. */
interface ReportHeading {
  readonly asOf: string;
  readonly subtitle: string;
}

/** Where the report date came from, as the subtitle says it. */
const DATE_SOURCES = {
  given: 'as given',
  data: 'the latest day in the data',
  empty: 'today: no business event yet',
} satisfies Record<ReportDate['source'], string>;

/** One report's file in `--out DIR/`: in its own format, CSV with the mark `--bom` asks for. */
const reportFileText = (report: Report, request: ReportRequest, heading: ReportHeading): string => {
  const { format, bom } = request;
  if (format === 'csv') return reportCsv(report, bom);
  if (format === 'json') return reportJsonText(report);
  return renderReports([report], format, heading);
};

/** Writes the reports where `--out` says: standard output, one file, or one file per report. */
const write = (
  rendered: readonly Report[],
  request: ReportRequest,
  heading: ReportHeading,
  io: CliIo,
) => {
  const { out, format, bom } = request;
  if (out !== undefined && isOutputFolder(out)) {
    mkdirSync(out, { recursive: true });
    for (const report of rendered) {
      const file = join(out, `${report.name}.${EXTENSIONS[format]}`);
      writeFileSync(file, reportFileText(report, request, heading));
      io.stdout(`wrote ${report.name} to ${file}\n`);
    }
    return;
  }
  const text = renderReports(rendered, format, { ...heading, bom });
  if (out === undefined) io.stdout(text);
  else {
    writeFileSync(out, text);
    io.stdout(`wrote ${rendered.map((r) => r.name).join(', ')} to ${out}\n`);
  }
};

/** The reports asked for as the actor may read them, and those refused with why. */
const buildReports = async (
  context: ReportContext,
  request: ReportRequest,
  asOf: string,
): Promise<{ rendered: Report[]; refused: { name: string; denial: ReadRefusal }[] }> => {
  const rendered: Report[] = [];
  const refused: { name: string; denial: ReadRefusal }[] = [];
  for (const name of request.names) {
    const built = await reports[name].build(context, { ...request.options, asOf });
    if (E.isRight(built)) rendered.push(built.right);
    else refused.push({ name, denial: built.left });
  }
  return { rendered, refused };
};

/** `clientele report`: the CRM's reports in table, JSON, CSV or HTML. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: `print reports (${names.join(', ')}) as a table, JSON, CSV or an HTML page with charts`,
  help: HELP,
  options: {
    store: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    bom: { type: 'boolean' },
    by: { type: 'string' },
    period: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    'neglected-days': { type: 'string' },
    ...actorOption,
  },
  run: async (input, io) => {
    const actor = await commandActor('report', input, io);
    if (E.isLeft(actor)) return actor.left;
    const request = parseReportRequest(input);
    if (E.isLeft(request)) {
      io.stderr(
        `clientele report: ${request.left}\nRun "clientele report --help" for the options.\n`,
      );
      return ExitCode.usage;
    }
    const opened = await openReadSide(storeUrl(input.values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele report: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const readSide = opened.right;
    try {
      await readSide.runner.catchUp();
      const date = await reportDate(
        readSide.readModels,
        request.right.givenAsOf,
        new Date().toISOString().slice(0, 10),
      );
      const { asOf } = date;
      const access = await caughtUpReadAccess(
        readSide.readModels,
        actor.right,
        asOf,
        await tenantAccessRules(readSide.events, io.env),
      );
      const context = { readModels: readSide.readModels, events: readSide.events, access };
      const { rendered, refused } = await buildReports(context, request.right, asOf);
      const [first] = refused;
      if (first !== undefined && (!request.right.all || rendered.length === 0))
        return refuseActor('report', first.denial, io);
      for (const { name, denial } of refused)
        io.stderr(`clientele report: ${leftOut(name, denial)}\n`);
      if (await actorMatchesNothing(readSide.readModels, access))
        io.stderr(
          `clientele report: warning: ${actor.right.id} (${actor.right.role}) owns no lead, deal or customer in this store, so the reports hold nothing of theirs; is the id right?\n`,
        );
      const subtitle = `as of ${asOf} (${DATE_SOURCES[date.source]}), ${readSide.events.engineName} store`;
      // Rows naming customers are reads of their data: on record (ids only) before they are shown.
      await recordReportReads(readSide.events, actor.right, rendered);
      try {
        write(rendered, request.right, { asOf, subtitle }, io);
      } catch (error) {
        // A folder that does not exist, a full disk, no permission: say so, without a stack.
        const target = request.right.out ?? 'the output';
        io.stderr(`clientele report: cannot write ${target}: ${(error as Error).message}\n`);
        return ExitCode.failed;
      }
      return ExitCode.ok;
    } finally {
      await readSide.close();
    }
  },
};
