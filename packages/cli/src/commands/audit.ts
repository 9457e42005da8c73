import * as E from 'fp-ts/lib/Either.js';
import type { AsOf } from '@clientele/eventstore';
import { customerStateAsOf, customerTimeline } from '@clientele/projections';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exitCodes.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';

const HELP = `Usage: clientele audit customer <customer-id> [--as-of TIME] [--effective] [--format table|json|csv] [--store URL]

The customer's full timeline across every stream that touched them (customer, leads,
opportunities, tickets, invoices, commission), in log order, with who did what, when it happened,
when it was recorded and what caused it; then the customer's state as of that moment.

  --as-of TIME   an ISO-8601 instant or a day (YYYY-MM-DD, end of that day, UTC): by default
                 what was known then (recorded by TIME)
  --effective    with --as-of: what had happened by TIME, as known today
  --format       table (default), json or csv`;

const instant = (text: string): string | undefined => {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.999Z` : text;
  return Number.isNaN(Date.parse(value)) || !/T/.test(value) ? undefined : value;
};

/** `clientele audit customer`: the auditor's view of one customer. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: "a customer's full timeline with actor, time and cause, and their state as of a moment",
  help: HELP,
  options: {
    store: { type: 'string' },
    'as-of': { type: 'string' },
    effective: { type: 'boolean' },
    format: { type: 'string' },
  },
  run: async ({ positionals, values }, io) => {
    const [subject, customerId] = positionals;
    if (subject !== 'customer' || customerId === undefined) {
      io.stderr('clientele audit: say which customer: clientele audit customer <customer-id>\n');
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
      const timeline = await customerTimeline(
        readSide.readModels,
        readSide.events,
        customerId,
        asOf,
      );
      const state = await customerStateAsOf(
        readSide.events,
        customerId,
        asOf ?? { knownAt: new Date().toISOString() },
      );
      if (timeline.length === 0) {
        io.stderr(
          `clientele audit: no event touched customer ${customerId}${asOf === undefined ? '' : ' by then'}\n`,
        );
        return ExitCode.failed;
      }
      if (format === 'json') {
        io.stdout(
          `${JSON.stringify({ customerId, asOf: asOf ?? null, state, timeline }, null, 2)}\n`,
        );
        return ExitCode.ok;
      }
      const header = ['position', 'occurred', 'recorded', 'stream', 'event', 'actor', 'caused by'];
      const rows = timeline.map((e) => [
        e.position,
        e.occurredAt,
        e.recordedAt,
        e.streamName,
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
        `Customer ${customerId}: ${timeline.length} events, ${when}\n\n${formatTable(header, rows)}\n\nState ${when}:\n${JSON.stringify(state, null, 2)}\n`,
      );
      return ExitCode.ok;
    } finally {
      await readSide.close();
    }
  },
};
