import { writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { readAccessOn, reportDate } from '@clientele/projections';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { isReportName, reports } from '../reports/index.js';
import type { ReportOptions } from '../reports/index.js';
import type { ReportFormat } from '../reports/renderReports.js';
import { FORMATS, renderReports } from '../reports/renderReports.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';

const names = Object.keys(reports);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const HELP = `Usage: clientele report <${names.join('|')}|all>... [options]

Brings the read models up to date with the log, then prints the reports.

  --format table|json|csv|html   output format (default table); html is one self-contained page
                                 with charts and the figures beside them
  --out FILE                     write to FILE instead of standard output
  --by GROUP                     funnel: source|campaign|owner|region; performance:
                                 rep|team|manager|office|region
  --period month|quarter|year|all   how periods and cohorts are bucketed (default quarter)
  --from DAY --to DAY            keep periods and cohorts between these days (YYYY-MM-DD)
  --as-of DAY                    the report date (default: the latest day on which something
                                 happened in the data); later payments count as not yet made
  --store URL                    the store (default sqlite:./clientele.db)
${ACTOR_HELP}

Each report shows what the actor's role may read: a rep their own leads, deals and figures, a
manager their team's. A report the role may not read at all is refused (exit 4, naming the
permission); with "all" such reports are left out and named on stderr.

Definitions of every figure: docs/reports.md.`;

const fail = (io: CliIo, message: string): ExitCode => {
  io.stderr(`clientele report: ${message}\nRun "clientele report --help" for the options.\n`);
  return ExitCode.usage;
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
    by: { type: 'string' },
    period: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = commandActor('report', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const asked = positionals.includes('all') ? names : positionals;
    if (asked.length === 0) return fail(io, `name a report: ${names.join(', ')} or all`);
    const unknown = asked.filter((name) => !isReportName(name));
    if (unknown.length > 0)
      return fail(io, `no report named ${unknown.join(', ')}; there are ${names.join(', ')}`);
    const chosen = asked.filter(isReportName);
    const format = (values['format'] ?? 'table') as ReportFormat;
    if (!FORMATS.includes(format)) return fail(io, `--format must be one of ${FORMATS.join(', ')}`);
    const period = (values['period'] ?? 'quarter') as ReportOptions['period'];
    if (!['month', 'quarter', 'year', 'all'].includes(period))
      return fail(io, '--period must be month, quarter, year or all');
    for (const flag of ['from', 'to', 'as-of'] as const) {
      const value = values[flag];
      if (value !== undefined && (typeof value !== 'string' || !DAY.test(value)))
        return fail(io, `--${flag} takes a day, YYYY-MM-DD`);
    }
    const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele report: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const readSide = opened.right;
    try {
      await readSide.runner.catchUp();
      const { asOf } = await reportDate(
        readSide.readModels,
        values['as-of'] as string | undefined,
        new Date().toISOString().slice(0, 10),
      );
      const options: ReportOptions = {
        period,
        by: values['by'] as string | undefined,
        asOf,
        from: values['from'] as string | undefined,
        to: values['to'] as string | undefined,
        detail: true,
      };
      const access = await readAccessOn(readSide.readModels, actor.right, asOf);
      const rendered = [];
      const refused: { name: string; denial: AuthorizationDenial }[] = [];
      for (const name of chosen) {
        const built = await reports[name](readSide.readModels, access, options);
        if (E.isRight(built)) rendered.push(built.right);
        else refused.push({ name, denial: built.left });
      }
      const [first] = refused;
      if (first !== undefined && (!positionals.includes('all') || rendered.length === 0))
        return refuseActor('report', first.denial, io);
      for (const { name, denial } of refused)
        io.stderr(
          `clientele report: left out ${name}: the ${denial.role} role lacks ${denial.permission}\n`,
        );
      const text = renderReports(
        rendered,
        format,
        `as of ${asOf}, ${readSide.events.engineName} store`,
      );
      const out = values['out'];
      if (typeof out === 'string') {
        writeFileSync(out, text);
        io.stdout(`wrote ${chosen.join(', ')} to ${out}\n`);
      } else io.stdout(text);
      return ExitCode.ok;
    } finally {
      await readSide.close();
    }
  },
};
