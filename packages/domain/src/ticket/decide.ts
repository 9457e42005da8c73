import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { TicketCommand } from './commands.js';
import type { TicketError } from './errors.js';
import type { TicketEvent } from './events.js';
import type { OpenedTicket, TicketState, TicketStatus } from './state.js';
import { evolveTicket, initialTicketState } from './state.js';

type Decision = E.Either<TicketError, readonly TicketEvent[]>;

const emit = (...events: TicketEvent[]): Decision => E.right(events);

/** Refuses the command unless the ticket is in one of the allowed statuses. */
const requireStatus = (
  ticket: OpenedTicket,
  allowed: readonly TicketStatus[],
  decide: () => Decision,
): Decision =>
  allowed.includes(ticket.status)
    ? decide()
    : E.left({
        kind: 'TicketNotInStatus',
        ticketId: ticket.ticketId,
        status: ticket.status,
        allowed,
      });

const open = (command: Extract<TicketCommand, { kind: 'OpenTicket' }>): Decision => {
  const { kind: _, assigneeId, subjectId, resolution, ...rest } = command;
  const { ticketId } = command;
  return emit(
    { type: 'TicketOpened', data: { ...rest, subjectId: subjectId ?? command.customerId } },
    ...(assigneeId === undefined
      ? []
      : [
          {
            type: 'TicketAssigned' as const,
            data: { ticketId, assigneeId, previousAssigneeId: null },
          },
        ]),
    ...(resolution === undefined
      ? []
      : [{ type: 'TicketResolved' as const, data: { ticketId, resolution } }]),
  );
};

/** A TicketAssigned event when the assignee changes, none when it stays. */
const assignment = (ticket: OpenedTicket, assigneeId: string | undefined): TicketEvent[] =>
  assigneeId === undefined || assigneeId === ticket.assigneeId
    ? []
    : [
        {
          type: 'TicketAssigned',
          data: { ticketId: ticket.ticketId, assigneeId, previousAssigneeId: ticket.assigneeId },
        },
      ];

const ACTIVE: readonly TicketStatus[] = ['open', 'waiting'];
const FINISHED: readonly TicketStatus[] = ['resolved', 'closed'];

/** Commands to a ticket that exists. Repeating what is already true emits nothing. */
const decideOpened = (
  command: Exclude<TicketCommand, { kind: 'OpenTicket' }>,
  ticket: OpenedTicket,
): Decision => {
  const { ticketId } = ticket;
  switch (command.kind) {
    case 'AssignTicket':
      return requireStatus(ticket, ACTIVE, () =>
        emit(
          ...assignment(ticket, command.assigneeId),
          ...(ticket.status === 'waiting' ? [resumed(ticketId)] : []),
        ),
      );
    case 'PrioritizeTicket':
      return requireStatus(ticket, ACTIVE, () =>
        command.priority === ticket.priority
          ? emit()
          : emit({
              type: 'TicketPrioritized',
              data: { ticketId, priority: command.priority, previousPriority: ticket.priority },
            }),
      );
    case 'CommentOnTicket': {
      if (ticket.commentIds.includes(command.commentId)) return emit();
      const { kind: _, ...comment } = command;
      return emit({ type: 'TicketCommented', data: { ...comment, subjectId: ticket.subjectId } });
    }
    case 'WaitOnCustomer':
      return requireStatus(ticket, ACTIVE, () =>
        ticket.status === 'waiting'
          ? emit()
          : emit({ type: 'TicketWaitingOnCustomer', data: { ticketId, reason: command.reason } }),
      );
    case 'ResumeTicket':
      return requireStatus(ticket, ACTIVE, () =>
        ticket.status === 'waiting' ? emit(resumed(ticketId)) : emit(),
      );
    case 'EscalateTicket':
      return requireStatus(ticket, ACTIVE, () =>
        command.escalatedTo === ticket.escalatedTo
          ? emit()
          : emit({
              type: 'TicketEscalated',
              data: { ticketId, escalatedTo: command.escalatedTo, reason: command.reason },
            }),
      );
    case 'LinkKnowledgeArticle':
      return ticket.articleIds.includes(command.articleId)
        ? emit()
        : emit({
            type: 'KnowledgeArticleLinked',
            data: { ticketId, articleId: command.articleId },
          });
    case 'ResolveTicket':
      if (ticket.status === 'resolved') {
        return command.resolution === ticket.resolution
          ? emit()
          : E.left({
              kind: 'TicketAlreadyResolved',
              ticketId,
              resolution: ticket.resolution ?? 'unknown',
            });
      }
      return requireStatus(ticket, ACTIVE, () =>
        emit({ type: 'TicketResolved', data: { ticketId, resolution: command.resolution } }),
      );
    case 'ReopenTicket':
      return requireStatus(ticket, FINISHED, () =>
        emit(
          {
            type: 'TicketReopened',
            data: { ticketId, reason: command.reason, wasClosed: ticket.status === 'closed' },
          },
          ...assignment(ticket, command.assigneeId),
        ),
      );
    case 'CloseTicket':
      return requireStatus(ticket, FINISHED, () =>
        ticket.status === 'closed' ? emit() : emit({ type: 'TicketClosed', data: { ticketId } }),
      );
    case 'RecordTicketSatisfaction':
      return requireStatus(ticket, FINISHED, () =>
        emit({
          type: 'TicketSatisfactionRecorded',
          data: {
            ticketId,
            subjectId: ticket.subjectId,
            score: command.score,
            ...(command.feedback === undefined ? {} : { feedback: command.feedback }),
          },
        }),
      );
  }
};

const resumed = (ticketId: string): TicketEvent => ({ type: 'TicketResumed', data: { ticketId } });

/** Decides a ticket command against the ticket's state. */
export const decideTicket = (command: TicketCommand, state: TicketState): Decision => {
  if (command.kind === 'OpenTicket') {
    return state.opened
      ? E.left({ kind: 'TicketAlreadyOpened', ticketId: command.ticketId })
      : open(command);
  }
  return state.opened
    ? decideOpened(command, state)
    : E.left({ kind: 'TicketNotFound', ticketId: command.ticketId });
};

/** The Ticket aggregate as a decider. */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState, TicketError> = {
  initialState: initialTicketState,
  decide: decideTicket,
  evolve: evolveTicket,
};
