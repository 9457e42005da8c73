import * as E from 'fp-ts/lib/Either.js';
import { v5 as uuidv5 } from 'uuid';
import type { TicketPriority } from '../../ticket/values.js';
import type { MappedRow, RejectedRow } from '../mappedRow.js';
import type { HelpdeskActivity } from './helpdeskRow.js';
import { formatZoned, instantOfWallClock } from '../../sla/zonedTime.js';
import { TicketCommand } from '../../ticket/commands.js';
import { decodeRow } from '../mappedRow.js';
import { HelpdeskRow, anonymizedNumber } from './helpdeskRow.js';

/** Namespace of the command ids of help-desk rows: the same row always gets the same id. */
const HELPDESK_NAMESPACE = '5d0f4a52-8a4e-4c43-9d1f-6b3c1e0a7f21';

/** Options of {@link createHelpdeskMapping}. */
export interface HelpdeskMappingOptions {
  /** The zone the log's zone-less timestamps are read in; defaults to `Europe/Rome`. */
  readonly timeZone?: string;
  readonly tenantId?: string | undefined;
}

/** What the mapping remembers of a case from the rows it has mapped. */
type CaseStatus = 'active' | 'resolved' | 'closed';

/**
 * The anonymized `seriousness_2` levels read as priorities, `Value 1` the least serious. The log
 * does not say which way its scale runs; this is the mapping's assumption.
 */
const PRIORITIES: Readonly<Record<string, TicketPriority>> = {
  '1': 'low',
  '2': 'normal',
  '3': 'high',
  '4': 'urgent',
};

/** Activities that mean work on the ticket: on a resolved or closed ticket they reopen it. */
const WORK: ReadonlySet<HelpdeskActivity> = new Set([
  'Insert ticket',
  'Assign seriousness',
  'Take in charge ticket',
  'Wait',
  'Require upgrade',
  'Create SW anomaly',
]);

/** Maps help-desk rows to Ticket commands, one row at a time, in replay order. */
export interface HelpdeskMapping {
  mapRow(
    values: Readonly<Record<string, string>>,
    lineNumber: number,
  ): E.Either<RejectedRow, MappedRow<TicketCommand>>;
}

/** A row's mapped command and the case's status after it. */
interface MappedCase {
  readonly command: Record<string, unknown>;
  readonly status: CaseStatus;
}

/** A case's first row opens its ticket, already resolved when that row resolves it. */
const opening = (
  row: HelpdeskRow,
  ticketId: string,
  { resource, priority }: { readonly resource: string; readonly priority: TicketPriority },
): MappedCase => {
  const activity = row.Activity;
  const solved = activity === 'Resolve ticket';
  return {
    status: solved ? 'resolved' : 'active',
    command: {
      kind: 'OpenTicket',
      ticketId,
      customerId: `helpdesk-customer-${anonymizedNumber(row.customer)}`,
      channel: activity === 'Insert ticket' ? 'web' : 'call_centre',
      category: `service type ${anonymizedNumber(row.service_type)}`,
      priority,
      product: `product ${anonymizedNumber(row.product)}`,
      ...(activity === 'Take in charge ticket' ? { assigneeId: resource } : {}),
      ...(solved ? { resolution: 'solved' } : {}),
    },
  };
};

/**
 * The mapping of the Italian help-desk log (`finale.csv`) onto Ticket commands, shared by the
 * replay tests and `clientele import tickets --mapping helpdesk`. Every row becomes one command:
 *
 * - the first row of a case opens the ticket (`Take in charge` opens it assigned to the resource;
 *   `Resolve ticket` opens it solved at first contact; `Insert ticket` came through the web);
 * - `Assign seriousness` sets the priority, `Take in charge ticket` assigns the resource, `Wait`
 *   and `Require upgrade` wait on the customer, `Create SW anomaly` escalates to development;
 * - any of those on a resolved or closed ticket reopens it (the customer came back);
 * - `Resolve ticket` resolves, `Closed` closes; `Schedule intervention` is a public comment, and
 *   the anomaly's progress (`Resolve SW anomaly`, `VERIFIED`, `RESOLVED`, `INVALID`,
 *   `DUPLICATE`) internal comments.
 *
 * It is stateful (it remembers each case's first row and status), so rows must come in replay
 * order: see {@link helpdeskReplayOrder}. Command ids derive from the case and the row's place in
 * it, so importing the file again changes nothing.
 */
export const createHelpdeskMapping = (options: HelpdeskMappingOptions = {}): HelpdeskMapping => {
  const timeZone = options.timeZone ?? 'Europe/Rome';
  const cases = new Map<string, { rows: number; status: CaseStatus }>();

  const commandFor = (
    row: HelpdeskRow,
    ticketId: string,
    seen: { rows: number; status: CaseStatus } | undefined,
    rowIndex: number,
  ): MappedCase => {
    const activity = row.Activity;
    const resource = `helpdesk-resource-${anonymizedNumber(row.Resource)}`;
    const priority = PRIORITIES[anonymizedNumber(row.seriousness_2)] ?? 'normal';
    if (seen === undefined) return opening(row, ticketId, { resource, priority });
    const comment = (visibility: string, body: string) => ({
      status: seen.status,
      command: {
        kind: 'CommentOnTicket',
        ticketId,
        commentId: `${ticketId}-${rowIndex}`,
        authorId: resource,
        visibility,
        body,
      },
    });
    if (seen.status !== 'active' && WORK.has(activity)) {
      return {
        status: 'active',
        command: {
          kind: 'ReopenTicket',
          ticketId,
          reason: activity,
          ...(activity === 'Take in charge ticket' ? { assigneeId: resource } : {}),
        },
      };
    }
    const active = (command: Record<string, unknown>) => ({
      status: seen.status,
      command: { ticketId, ...command },
    });
    switch (activity) {
      case 'Insert ticket':
        return comment('internal', 'ticket inserted again');
      case 'Assign seriousness':
        return active({ kind: 'PrioritizeTicket', priority });
      case 'Take in charge ticket':
        return active({ kind: 'AssignTicket', assigneeId: resource });
      case 'Wait':
        return active({ kind: 'WaitOnCustomer', reason: 'waiting' });
      case 'Require upgrade':
        return active({ kind: 'WaitOnCustomer', reason: 'upgrade required' });
      case 'Create SW anomaly':
        return active({
          kind: 'EscalateTicket',
          escalatedTo: 'software development',
          reason: 'software anomaly',
        });
      case 'Schedule intervention':
        return comment('public', 'intervention scheduled');
      case 'Resolve SW anomaly':
        return comment('internal', 'software anomaly resolved');
      case 'VERIFIED':
      case 'RESOLVED':
      case 'INVALID':
      case 'DUPLICATE':
        return comment('internal', `software anomaly ${activity}`);
      case 'Resolve ticket':
        return seen.status === 'closed'
          ? { status: 'active', command: { kind: 'ReopenTicket', ticketId, reason: activity } }
          : {
              status: 'resolved',
              command: { kind: 'ResolveTicket', ticketId, resolution: 'solved' },
            };
      case 'Closed':
        return {
          status: seen.status === 'active' ? 'active' : 'closed',
          command: { kind: 'CloseTicket', ticketId },
        };
    }
  };

  return {
    mapRow: (values, lineNumber) =>
      E.chain((row: HelpdeskRow) => {
        const caseNumber = anonymizedNumber(row['Case ID']);
        const ticketId = `helpdesk-case-${caseNumber}`;
        const seen = cases.get(caseNumber);
        const rowIndex = seen?.rows ?? 0;
        const { command, status } = commandFor(row, ticketId, seen, rowIndex);
        return E.map((decoded: TicketCommand) => {
          cases.set(caseNumber, { rows: rowIndex + 1, status });
          return {
            lineNumber,
            command: decoded,
            context: {
              commandId: uuidv5(`case ${caseNumber} row ${rowIndex}`, HELPDESK_NAMESPACE),
              actor: {
                id: `helpdesk-resource-${anonymizedNumber(row.Resource)}`,
                role: 'support_agent',
              },
              occurredAt: formatZoned(
                helpdeskInstant(row['Complete Timestamp'], timeZone),
                timeZone,
              ),
              tenantId: options.tenantId,
            },
          };
        })(decodeRow(TicketCommand, command, lineNumber));
      })(decodeRow(HelpdeskRow, values, lineNumber)),
  };
};

/** The instant of a zone-less log timestamp, `2012/10/09 14:50:17.000`, read in the zone. */
export const helpdeskInstant = (timestamp: string, timeZone: string): number => {
  const [date = '', time = ''] = timestamp.split(' ');
  const [year, month, day] = date.split('/').map(Number);
  const [hour, minute, second = '0'] = time.split(':');
  const wall =
    Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, Number(hour), Number(minute)) +
    Math.round(Number(second) * 1000);
  return instantOfWallClock(wall, timeZone);
};

/**
 * Puts rows in replay order: by timestamp, rows with the same timestamp keeping their file order
 * (a stable sort), so a case's first row is the one that opens it.
 */
export const helpdeskReplayOrder = <
  R extends { readonly values: Readonly<Record<string, string>> },
>(
  rows: readonly R[],
): R[] =>
  rows
    .map((row, index) => ({ row, index, at: row.values['Complete Timestamp'] ?? '' }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index))
    .map(({ row }) => row);
