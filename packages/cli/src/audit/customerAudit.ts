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

/** `clientele audit customer`: a customer's timeline with changes, causes and state. */
export const printCustomerAudit = async (
  readSide: ReadSide,
  access: ReadAccess,
  customerId: string,
  window: AuditWindow,
  format: 'table' | 'json' | 'csv',
  io: CliIo,
): Promise<ExitCode> => {
  const read = await customerTimeline(readSide, access, customerId, window.asOf);
  if (E.isLeft(read)) return refuseActor('audit', read.left, io);
  const stateRead = await customerStateAsOf(
    readSide,
    access,
    customerId,
    window.asOf ?? { knownAt: new Date().toISOString() },
  );
  if (E.isLeft(stateRead)) return refuseActor('audit', stateRead.left, io);
  const { withheld } = read.right;
  const state = stateRead.right;
  const timeline = await audited(readSide, read.right.entries, window);
  const leftOut =
    withheld === 0
      ? ''
      : `${withheld} event${withheld === 1 ? '' : 's'} of streams the ${access.actor.role} role may not read left out`;
  if (leftOut !== '' && format !== 'table') io.stderr(`clientele audit: ${leftOut}\n`);
  if (read.right.entries.length === 0) {
    io.stderr(
      `clientele audit: no event touched customer ${customerId}${window.asOf === undefined ? '' : ' by then'}\n`,
    );
    return ExitCode.failed;
  }
  if (format === 'json') {
    const { asOf = null, since = null, until = null } = window;
    io.stdout(
      `${JSON.stringify({ customerId, asOf, since, until, state, timeline, withheld }, null, 2)}\n`,
    );
    return ExitCode.ok;
  }
  if (format === 'csv') {
    const header = [
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
    const rows = timeline.map((e) => [
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
    ]);
    io.stdout(formatCsv(header, rows));
    return ExitCode.ok;
  }
  const header = ['position', 'occurred', 'stream', 'event', 'actor', 'change', 'caused by'];
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
  const fitted = width === undefined ? rows : fitToWidth(header, rows, width, [2, 4, 5, 6]);
  io.stdout(
    `Customer ${customerId}: ${timeline.length} of ${read.right.entries.length} events, ${windowText(window)}${leftOut === '' ? '' : ` (${leftOut})`}\n\n${formatTable(header, fitted)}\n\nState ${windowText({ by: 'recordedAt', ...(window.asOf === undefined ? {} : { asOf: window.asOf }) })}:\n${JSON.stringify(state, null, 2)}\n`,
  );
  return ExitCode.ok;
};
