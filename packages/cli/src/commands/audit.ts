import * as E from 'fp-ts/lib/Either.js';
import {
  ACTOR_HELP,
  actorOption,
  commandActor,
  commandPermitted,
} from '../actor/commandLineActor.js';
import type { CliCommand, CommandInput } from '../command.js';
import type { AuditRequest } from '../audit/auditRequest.js';
import { caughtUpReadAccess } from '../store/caughtUpReadAccess.js';
import { ExitCode } from '../exitCodes.js';
import { auditWindow } from '../audit/auditWindow.js';
import { printCustomerAudit } from '../audit/customerAudit.js';
import { printExportsAudit } from '../audit/exportsAudit.js';
import { printAnomaliesAudit } from '../audit/anomaliesAudit.js';
import { printAccessAudit, recordRead } from '../audit/accessAudit.js';
import { printFindAudit } from '../audit/findAudit.js';
import { openReadSide } from '../store/openReadSide.js';
import { storeUrl } from '../store/openStore.js';
import { tenantAccessRules } from '../store/tenantAccessRules.js';
import { recordId } from '../commandLine/recordId.js';

const HELP = `Usage: clientele audit find <name|email|phone> [--format table|json|csv] [--store URL] [--actor ID:ROLE]
       clientele audit customer <customer-id> [--as-of TIME] [--since TIME] [--until TIME] [--effective]
                                [--format table|json|csv] [--store URL] [--actor ID:ROLE]
       clientele audit exports [--since TIME] [--until TIME] [--format table|json|csv] [--store URL] [--actor ID:ROLE]
       clientele audit access [--reader ID] [--subject ID] [--since TIME] [--until TIME] [--format table|json|csv] [--store URL] [--actor ID:ROLE]
       clientele audit anomalies [--since TIME] [--until TIME] [--format table|json|csv] [--store URL] [--actor ID:ROLE]

audit find: the customers whose name, email or phone (or a contact's) holds every word of the
search, through a blind index of keyed hashes (whole words; no prefixes). It needs the Log.audit
permission (auditors and administrators), and the search itself is recorded in the log, as
keyed hashes, before its answer is shown. Exit 1 when nothing matches.

audit customer: the customer's full timeline across every stream that touched them (customer,
leads, opportunities, tickets, invoices, commission, bulk exports that included them), in log
order, with who did what, when, what changed (one line per event) and the position of the event
that caused it; then the customer's state as of that moment. The actor needs Customer.read on the
customer (a rep their own, a manager their team's); events of streams they may not read (a
colleague's deal, an invoice) are left out and counted.

audit exports: every bulk export of customer data (clientele export customers): who exported,
when, how many customers, in which format and scope, and the SHA-256 of the file. A rep sees
their own exports, a manager their team's, an auditor or administrator all of them.

audit access: who read whose personal data, when and through what (the access log: ids only).
--reader ID keeps one actor's reads ("what did this rep look at last week?"), --subject ID the
reads of one customer or person ("who looked at this customer?"). Every audit customer, every
report whose rows name customers ("report <name>") and every dashboard timeline or drill-down
list ("dashboard customer", "dashboard drill <kind>") is recorded there. Needs Log.audit.

audit anomalies: unusual access, found by the access anomaly reactor (run first; what it finds
is recorded as AccessAnomalyDetected, once): an hour in which an actor reads or exports at least
10 times their own baseline of customers per hour (reads from the access log and exports
together), an export outside working hours (08-19 UTC, weekdays) or after notice. It needs the Log.audit permission (auditors and administrators).

  TIME           an ISO-8601 instant, or a day (YYYY-MM-DD, UTC: --since from its start,
                 --as-of and --until to its end)
  --as-of TIME   the history as it was known at TIME (recorded by then)
  --since TIME   only events recorded from TIME on ("who changed what since D")
  --until TIME   only events recorded up to TIME
  --effective    --as-of, --since and --until mean when things happened (business time), not
                 when they were recorded; refused without one of them
  --format       table (default; cut to the terminal's width), json or csv
${ACTOR_HELP}`;

const text = (value: string | boolean | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The access log filter of `--reader` and `--subject`. */
const readFilter = (values: Readonly<Record<string, string | boolean | undefined>>) => {
  const reader = text(values['reader']);
  const subject = text(values['subject']);
  return {
    ...(reader === undefined ? {} : { actorId: reader }),
    ...(subject === undefined ? {} : { subjectId: subject }),
  };
};

const USAGE =
  'say what to audit: clientele audit find <text>, clientele audit customer <customer-id>, clientele audit exports, clientele audit access or clientele audit anomalies';

type AuditSubjectRun = (
  request: AuditRequest,
  argument: string,
  values: CommandInput['values'],
) => Promise<ExitCode>;

/** `audit customer`: the timeline, then, if it was shown, its read recorded in the access log. */
const customerAudit: AuditSubjectRun = async (request, argument) => {
  const { readSide, actor, io } = request;
  const customerId = recordId(argument, 'customer');
  if (E.isLeft(customerId)) {
    io.stderr(`clientele audit: refused: ${customerId.left}\n`);
    return ExitCode.usage;
  }
  const shown = await printCustomerAudit(request, customerId.right);
  // What was shown is a read of the customer's data: on record, ids only.
  if (shown === ExitCode.ok)
    await recordRead(readSide, actor, 'audit customer', [customerId.right]);
  return shown;
};

const AUDIT_SUBJECTS = {
  customer: customerAudit,
  find: printFindAudit,
  exports: printExportsAudit,
  access: ({ readSide, window, format, io }, _argument, values) =>
    printAccessAudit(readSide, { ...readFilter(values), window }, format, io),
  anomalies: ({ readSide, window, format, io }) =>
    printAnomaliesAudit(readSide, window, format, io),
} satisfies Record<string, AuditSubjectRun>;

type AuditSubject = keyof typeof AUDIT_SUBJECTS;
const isAuditSubject = (subject: string | undefined): subject is AuditSubject =>
  subject !== undefined && Object.hasOwn(AUDIT_SUBJECTS, subject);
const AUDIT_FORMATS = ['table', 'json', 'csv'] as const;
const NEEDS_ARGUMENT: ReadonlySet<AuditSubject> = new Set(['customer', 'find']);
const NEEDS_LOG_AUDIT: ReadonlySet<AuditSubject> = new Set(['find', 'access', 'anomalies']);

/** `clientele audit`: the auditor's view of one customer, of a search, or of the bulk exports. */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: "find a customer; a customer's timeline with who, when, what changed and why",
  help: HELP,
  options: {
    store: { type: 'string' },
    'as-of': { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    effective: { type: 'boolean' },
    format: { type: 'string' },
    reader: { type: 'string' },
    subject: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('audit', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const [subject, argument, ...extra] = positionals;
    if (
      extra.length > 0 ||
      !isAuditSubject(subject) ||
      NEEDS_ARGUMENT.has(subject) !== (argument !== undefined)
    ) {
      io.stderr(`clientele audit: ${USAGE}\n`);
      return ExitCode.usage;
    }
    const format = AUDIT_FORMATS.find((f) => f === (values['format'] ?? 'table'));
    if (format === undefined) {
      io.stderr('clientele audit: --format must be table, json or csv\n');
      return ExitCode.usage;
    }
    const window = auditWindow(values);
    if (E.isLeft(window)) {
      io.stderr(`clientele audit: ${window.left}\n`);
      return ExitCode.usage;
    }
    const opened = await openReadSide(storeUrl(values['store'], io.env), io.cwd);
    if (E.isLeft(opened)) {
      io.stderr(`clientele audit: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const readSide = opened.right;
    try {
      // Checked against the tenant's roles and departures as the log holds them now.
      const rules = await tenantAccessRules(readSide.events, io.env);
      if (NEEDS_LOG_AUDIT.has(subject)) {
        const permitted = commandPermitted(
          { commandName: 'audit', actor: actor.right, permission: 'Log.audit', rules },
          io,
        );
        if (E.isLeft(permitted)) return permitted.left;
      }
      await readSide.runner.catchUp();
      const access = await caughtUpReadAccess(
        readSide.readModels,
        actor.right,
        new Date().toISOString().slice(0, 10),
        rules,
      );
      const request = { readSide, access, actor: actor.right, window: window.right, format, io };
      return await AUDIT_SUBJECTS[subject](request, argument ?? '', values);
    } finally {
      await readSide.close();
    }
  },
};
