import * as E from 'fp-ts/lib/Either.js';
import type { ReadAccess, TimelineEntry } from '@clientele/projections';
import { customerStateAsOf, customerTimeline } from '@clientele/projections';
import { refuseActor } from '../actor/commandLineActor.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { formatCsv } from '../output/csv.js';
import { streamLabel } from '../output/streamLabel.js';
import { fitToWidth, terminalWidth } from '../output/fitToWidth.js';
import { formatTable } from '../output/table.js';
import type { ReadSide } from '../store/openReadSide.js';
import type { AuditFormat, AuditRequest } from './auditRequest.js';
import type { AuditWindow } from './auditWindow.js';
import { insideWindow } from './auditWindow.js';
import type { CauseLink } from './causeLinks.js';
import { causeLinks } from './causeLinks.js';
import { changeSummarizer } from './changeSummary.js';

/** A timeline entry as an audit prints it: with its change in one line and its cause located. */
export interface AuditedEntry extends TimelineEntry {
  readonly change: string;
  readonly causedBy: CauseLink | null;
}

const audited = async (
  readSide: ReadSide,
  entries: readonly TimelineEntry[],
  window: AuditWindow,
): Promise<AuditedEntry[]> => {
  const links = await causeLinks(entries, readSide.log);
  const summary = changeSummarizer();
  // Summarized over the whole timeline, so the first event inside the window still shows what
  // came before it; only then cut to the window.
  return entries
    .map((entry) => ({
      ...entry,
      change: summary.summarize(entry.streamName, entry.data),
      causedBy: entry.causationId === null ? null : (links.get(entry.causationId) ?? null),
    }))
    .filter(insideWindow(window));
};

const causeText = (link: CauseLink | null): string =>
  link === null ? '' : link.position === null ? `unresolved ${link.eventId}` : `#${link.position}`;

const windowText = (window: AuditWindow): string => {
  const asOf = window.asOf;
  const when =
    asOf === undefined
      ? 'as known now'
      : asOf.knownAt !== undefined
        ? `as known at ${asOf.knownAt}`
        : `as effective at ${asOf.effectiveAt}`;
  const what = window.by === 'recordedAt' ? 'recorded' : 'happened';
  const from = window.since === undefined ? '' : ` ${what} from ${window.since}`;
  const to = window.until === undefined ? '' : ` ${what} until ${window.until}`;
  return `${when}${from}${to}`;
};

/** A customer's audit as read: its timeline inside the window, its state, what was left out. */
interface CustomerAuditView {
  readonly customerId: string;
  readonly window: AuditWindow;
  /** How many events touched the customer, before the window cut them. */
  readonly eventCount: number;
  readonly timeline: readonly AuditedEntry[];
  readonly state: unknown;
  readonly withheld: number;
  /** Why events are missing, for people; empty if none is. */
  readonly leftOut: string;
}

const CSV_HEADER = [
  'position',
  'occurred',
  'recorded',
  'stream',
  'event',
  'actor',
  'role',
  'change',
  'caused by',
  'cause position',
];

const TABLE_HEADER = ['position', 'occurred', 'stream', 'event', 'actor', 'change', 'caused by'];

const printJson = ({ customerId, window, state, timeline, withheld }: CustomerAuditView) => {
  const { asOf = null, since = null, until = null } = window;
  return `${JSON.stringify({ customerId, asOf, since, until, state, timeline, withheld }, null, 2)}\n`;
};

const printCsv = ({ timeline }: CustomerAuditView) =>
  formatCsv(
    CSV_HEADER,
    timeline.map((e) => [
      e.position,
      e.occurredAt,
      e.recordedAt,
      streamLabel(e.streamName),
      e.type,
      e.actor.id,
      e.actor.role,
      e.change,
      e.causationId,
      e.causedBy?.position ?? null,
    ]),
  );

const printTable = (view: CustomerAuditView, io: CliIo) => {
  const { customerId, window, timeline, leftOut } = view;
  const rows = timeline.map((e) => [
    e.position,
    e.occurredAt.slice(0, 16).replace('T', ' '),
    streamLabel(e.streamName),
    e.type,
    `${e.actor.id} (${e.actor.role})`,
    e.change,
    causeText(e.causedBy),
  ]);
  const width = terminalWidth(io);
  // Stream ids, actors and changes give way first; positions and times are never cut.
  const fitted = width === undefined ? rows : fitToWidth(TABLE_HEADER, rows, width, [2, 4, 5, 6]);
  const stateWindow = windowText({
    by: 'recordedAt',
    ...(window.asOf === undefined ? {} : { asOf: window.asOf }),
  });
  return `Customer ${customerId}: ${timeline.length} of ${view.eventCount} events, ${windowText(window)}${leftOut === '' ? '' : ` (${leftOut})`}\n\n${formatTable(TABLE_HEADER, fitted)}\n\nState ${stateWindow}:\n${JSON.stringify(view.state, null, 2)}\n`;
};

const PRINTERS = {
  json: printJson,
  csv: printCsv,
  table: printTable,
} satisfies Record<AuditFormat, (view: CustomerAuditView, io: CliIo) => string>;

/** Why some events are not shown: the count of those of streams the role may not read. */
const leftOutText = (withheld: number, access: ReadAccess): string =>
  withheld === 0
    ? ''
    : `${withheld} event${withheld === 1 ? '' : 's'} of streams the ${access.actor.role} role may not read left out`;

/** The customer's audit as the request's actor may see it, or the exit code of a refusal. */
const readCustomerAudit = async (
  { readSide, access, window, io }: AuditRequest,
  customerId: string,
): Promise<E.Either<ExitCode, CustomerAuditView>> => {
  const read = await customerTimeline(readSide, access, customerId, window.asOf);
  if (E.isLeft(read)) return E.left(refuseActor('audit', read.left, io));
  const stateRead = await customerStateAsOf(
    readSide,
    access,
    customerId,
    window.asOf ?? { knownAt: new Date().toISOString() },
  );
  if (E.isLeft(stateRead)) return E.left(refuseActor('audit', stateRead.left, io));
  const { entries, withheld } = read.right;
  return E.right({
    customerId,
    window,
    eventCount: entries.length,
    timeline: await audited(readSide, entries, window),
    state: stateRead.right,
    withheld,
    leftOut: leftOutText(withheld, access),
  });
};

/** `clientele audit customer`: a customer's timeline with changes, causes and state. */
export const printCustomerAudit = async (
  request: AuditRequest,
  customerId: string,
): Promise<ExitCode> => {
  const { window, format, io } = request;
  const read = await readCustomerAudit(request, customerId);
  if (E.isLeft(read)) return read.left;
  const view = read.right;
  if (view.leftOut !== '' && format !== 'table') io.stderr(`clientele audit: ${view.leftOut}\n`);
  if (view.eventCount === 0) {
    io.stderr(
      `clientele audit: no event touched customer ${customerId}${window.asOf === undefined ? '' : ' by then'}\n`,
    );
    return ExitCode.failed;
  }
  io.stdout(PRINTERS[format](view, io));
  return ExitCode.ok;
};
