import type { TicketEvent } from './events.js';
import type { ResolutionCode, SatisfactionScore, TicketPriority } from './values.js';

/** Where a ticket is in its life. */
export type TicketStatus = 'open' | 'waiting' | 'resolved' | 'closed';

/** An opened ticket, as its events left it. */
export interface OpenedTicket {
  readonly opened: true;
  readonly ticketId: string;
  readonly customerId: string;
  readonly subjectId: string;
  readonly status: TicketStatus;
  readonly priority: TicketPriority;
  readonly assigneeId: string | null;
  readonly escalatedTo: string | null;
  readonly resolution: ResolutionCode | null;
  readonly commentIds: readonly string[];
  readonly articleIds: readonly string[];
  readonly satisfaction: SatisfactionScore | null;
  readonly reopenCount: number;
}

/** A ticket stream's state: nothing yet, or an opened ticket. */
export type TicketState = { readonly opened: false } | OpenedTicket;

/** The state of a stream with no events. */
export const initialTicketState: TicketState = { opened: false };

const change = (state: TicketState, patch: Partial<OpenedTicket>): TicketState =>
  state.opened ? { ...state, ...patch } : state;

/** Folds one event into the ticket. */
export const evolveTicket = (state: TicketState, event: TicketEvent): TicketState => {
  switch (event.type) {
    case 'TicketOpened':
      return {
        opened: true,
        ticketId: event.data.ticketId,
        customerId: event.data.customerId,
        subjectId: event.data.subjectId,
        status: 'open',
        priority: event.data.priority,
        assigneeId: null,
        escalatedTo: null,
        resolution: null,
        commentIds: [],
        articleIds: [],
        satisfaction: null,
        reopenCount: 0,
      };
    case 'TicketAssigned':
      return change(state, { assigneeId: event.data.assigneeId });
    case 'TicketPrioritized':
      return change(state, { priority: event.data.priority });
    case 'TicketCommented':
      return change(state, {
        commentIds: [...(state.opened ? state.commentIds : []), event.data.commentId],
      });
    case 'TicketWaitingOnCustomer':
      return change(state, { status: 'waiting' });
    case 'TicketResumed':
      return change(state, { status: 'open' });
    case 'TicketEscalated':
      return change(state, { escalatedTo: event.data.escalatedTo });
    case 'KnowledgeArticleLinked':
      return change(state, {
        articleIds: [...(state.opened ? state.articleIds : []), event.data.articleId],
      });
    case 'TicketResolved':
      return change(state, { status: 'resolved', resolution: event.data.resolution });
    case 'TicketReopened':
      return change(state, {
        status: 'open',
        resolution: null,
        reopenCount: (state.opened ? state.reopenCount : 0) + 1,
      });
    case 'TicketClosed':
      return change(state, { status: 'closed' });
    case 'TicketSatisfactionRecorded':
      return change(state, { satisfaction: event.data.score });
  }
};
