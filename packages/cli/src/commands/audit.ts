import * as E from 'fp-ts/lib/Either.js';
import type { AsOf } from '@clientele/eventstore';
import {
  customerExports,
  customerStateAsOf,
  customerTimeline,
  readAccessOn,
} from '@clientele/projections';
import type { ReadAccess } from '@clientele/projections';
import { ACTOR_HELP, actorOption, commandActor, refuseActor } from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import type { ReadSide } from '../store/openReadSide.js';
import { ExitCode } from '../exitCodes.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import { streamLabel } from '../output/streamLabel.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';

const HELP = `Usage: clientele audit customer <customer-id> [--as-of TIME] [--effective] [--format table|json|csv] [--store URL] [--actor ID:ROLE]
       clientele audit exports [--format table|json|csv] [--store URL] [--actor ID:ROLE]

audit customer: the customer's full timeline across every stream that touched them (customer,
leads, opportunities, tickets, invoices, commission, bulk exports that included them), in log
order, with who did what, when it happened, when it was recorded and what caused it; then the
customer's state as of that moment. The actor needs Customer.read on the customer (a rep their
own, a manager their team's); events of streams they may not read (a colleague's deal, an
invoice) are left out and counted.

audit exports: every bulk export of customer data (clientele export customers): who exported,
when, how many customers, in which format and scope, and the SHA-256 of the file. A rep sees
their own exports, a manager their team's, an auditor or administrator all of them.

  --as-of TIME   an ISO-8601 instant or a day (YYYY-MM-DD, end of that day, UTC): by default
                 what was known then (recorded by TIME)
  --effective    with --as-of: what had happened by TIME, as known today
  --format       table (default), json or csv
${ACTOR_HELP}`;

const instant = (text: string): string | undefined => {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.999Z` : text;
  return Number.isNaN(Date.parse(value)) || !/T/.test(value) ? undefined : value;
};

/** `clientele audit exports`: the bulk exports the actor may see, oldest first. */
const printExports = async (
  readSide: ReadSide,
  access: ReadAccess,
  format: 'table' | 'json' | 'csv',
  io: CliIo,
): Promise<ExitCode> => {
  const listed = await customerExports(readSide.events, access);
  if (E.isLeft(listed)) return refuseActor('audit', listed.left, io);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(listed.right, null, 2)}\n`);
    return ExitCode.ok;
  }
  const header = ['occurred', 'export', 'actor', 'scope', 'customers', 'format', 'sha-256'];
  const rows = listed.right.map((e) => [
    e.occurredAt,
    e.exportId,
    `${e.actor.id} (${e.actor.role})`,
    e.scope,
    e.count,
    e.format,
    e.contentSha256,
  ]);
  io.stdout(
    format === 'csv'
      ? formatCsv(header, rows)
      : `${listed.right.length} bulk export${listed.right.length === 1 ? '' : 's'} of customer data\n\n${formatTable(header, rows)}\n`,
  );
  return ExitCode.ok;
};

/** `clientele audit`: the auditor's view of one customer, or of the bulk exports. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: "a customer's full timeline with actor, time and cause, and their state as of a moment",
  help: HELP,
  options: {
    store: { type: 'string' },
    'as-of': { type: 'string' },
    effective: { type: 'boolean' },
    format: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = commandActor('audit', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const [subject, customerId] = positionals;
    if (!(subject === 'exports' || (subject === 'customer' && customerId !== undefined))) {
      io.stderr(
        'clientele audit: say what to audit: clientele audit customer <customer-id>, or clientele audit exports\n',
      );
      return ExitCode.usage;
    }
    const format = values['format'] ?? 'table';
    if (format !== 'table' && format !== 'json' && format !== 'csv') {
      io.stderr('clientele audit: --format must be table, json or csv\n');
      return ExitCode.usage;
    }
    let asOf: AsOf | undefined;
    if (typeof values['as-of'] === 'string') {
      const at = instant(values['as-of']);
      if (at === undefined) {
        io.stderr(
          'clientele audit: --as-of takes an ISO-8601 instant (2026-03-03T12:00:00Z) or a day (2026-03-03)\n',
        );
        return ExitCode.usage;
      }
      asOf = values['effective'] === true ? { effectiveAt: at } : { knownAt: at };
    }
    const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele audit: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const readSide = opened.right;
    try {
      await readSide.runner.catchUp();
      const access = await readAccessOn(
        readSide.readModels,
        actor.right,
        new Date().toISOString().slice(0, 10),
      );
      if (subject === 'exports') return await printExports(readSide, access, format, io);
      if (customerId === undefined) return ExitCode.usage;
      const read = await customerTimeline(
        readSide.readModels,
        readSide.events,
        access,
        customerId,
        asOf,
      );
      if (E.isLeft(read)) return refuseActor('audit', read.left, io);
      const stateRead = await customerStateAsOf(
        readSide.readModels,
        readSide.events,
        access,
        customerId,
        asOf ?? { knownAt: new Date().toISOString() },
      );
      if (E.isLeft(stateRead)) return refuseActor('audit', stateRead.left, io);
      const { entries: timeline, withheld } = read.right;
      const state = stateRead.right;
      const leftOut =
        withheld === 0
          ? ''
          : `${withheld} event${withheld === 1 ? '' : 's'} of streams the ${actor.right.role} role may not read left out`;
      if (leftOut !== '' && format !== 'table') io.stderr(`clientele audit: ${leftOut}\n`);
      if (timeline.length === 0) {
        io.stderr(
          `clientele audit: no event touched customer ${customerId}${asOf === undefined ? '' : ' by then'}\n`,
        );
        return ExitCode.failed;
      }
      if (format === 'json') {
        io.stdout(
          `${JSON.stringify({ customerId, asOf: asOf ?? null, state, timeline, withheld }, null, 2)}\n`,
        );
        return ExitCode.ok;
      }
      const header = ['position', 'occurred', 'recorded', 'stream', 'event', 'actor', 'caused by'];
      const rows = timeline.map((e) => [
        e.position,
        e.occurredAt,
        e.recordedAt,
        streamLabel(e.streamName),
        e.type,
        `${e.actor.id} (${e.actor.role})`,
        e.causationId,
      ]);
      if (format === 'csv') {
        io.stdout(formatCsv(header, rows));
        return ExitCode.ok;
      }
      const when =
        asOf === undefined
          ? 'now'
          : asOf.knownAt !== undefined
            ? `as known at ${asOf.knownAt}`
            : `as effective at ${asOf.effectiveAt}`;
      io.stdout(
        `Customer ${customerId}: ${timeline.length} events, ${when}${leftOut === '' ? '' : ` (${leftOut})`}\n\n${formatTable(header, rows)}\n\nState ${when}:\n${JSON.stringify(state, null, 2)}\n`,
      );
      return ExitCode.ok;
    } finally {
      await readSide.close();
    }
  },
};
