import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { personal } from '../shared/personalData.js';
import {
  CommentVisibility,
  ResolutionCode,
  SatisfactionScore,
  TicketChannel,
  TicketPriority,
} from './values.js';

/**
 * A customer asked for help. `subjectId` is the person who asked: the description, comments and
 * feedback are about them and are encrypted with their key.
 */
export const TicketOpened = eventCodec(
  'TicketOpened',
  t.intersection([
    t.type({
      ticketId: t.string,
      customerId: t.string,
      subjectId: t.string,
      channel: TicketChannel,
      category: t.string,
      priority: TicketPriority,
    }),
    t.partial({ description: personal(t.string), product: t.string }),
  ]),
);
/** The ticket got an agent (first assignment, reassignment, or an agent taking it in charge). */
export const TicketAssigned = eventCodec(
  'TicketAssigned',
  t.type({
    ticketId: t.string,
    assigneeId: t.string,
    previousAssigneeId: t.union([t.string, t.null]),
  }),
);
/** The priority changed; SLA targets follow the new priority from now on. */
export const TicketPrioritized = eventCodec(
  'TicketPrioritized',
  t.type({ ticketId: t.string, priority: TicketPriority, previousPriority: TicketPriority }),
);
/** Someone wrote on the ticket; internal comments are never shown to the customer. */
export const TicketCommented = eventCodec(
  'TicketCommented',
  t.type({
    ticketId: t.string,
    subjectId: t.string,
    commentId: t.string,
    authorId: t.string,
    visibility: CommentVisibility,
    body: personal(t.string),
  }),
);
/** The ticket waits for the customer; the SLA resolution clock pauses meanwhile. */
export const TicketWaitingOnCustomer = eventCodec(
  'TicketWaitingOnCustomer',
  t.type({ ticketId: t.string, reason: t.string }),
);
/** Work on a waiting ticket resumed; the SLA resolution clock runs again. */
export const TicketResumed = eventCodec('TicketResumed', t.type({ ticketId: t.string }));
/** The ticket was escalated, by an agent or by the SLA reactor (`reason: 'sla_breach'`). */
export const TicketEscalated = eventCodec(
  'TicketEscalated',
  t.type({ ticketId: t.string, escalatedTo: t.string, reason: t.string }),
);
/** A knowledge-base article was linked as relevant to the ticket. */
export const KnowledgeArticleLinked = eventCodec(
  'KnowledgeArticleLinked',
  t.type({ ticketId: t.string, articleId: t.string }),
);
/** The ticket was resolved with a resolution code. */
export const TicketResolved = eventCodec(
  'TicketResolved',
  t.type({ ticketId: t.string, resolution: ResolutionCode }),
);
/** A resolved or closed ticket was opened again; a new SLA resolution cycle starts. */
export const TicketReopened = eventCodec(
  'TicketReopened',
  t.type({ ticketId: t.string, reason: t.string, wasClosed: t.boolean }),
);
/** The ticket was closed after its resolution. */
export const TicketClosed = eventCodec('TicketClosed', t.type({ ticketId: t.string }));
/** The customer rated the service; the optional feedback is personal. */
export const TicketSatisfactionRecorded = eventCodec(
  'TicketSatisfactionRecorded',
  t.intersection([
    t.type({ ticketId: t.string, subjectId: t.string, score: SatisfactionScore }),
    t.partial({ feedback: personal(t.string) }),
  ]),
);

/** Every event of a Ticket stream. */
export const TicketEvent = t.union(
  [
    TicketOpened,
    TicketAssigned,
    TicketPrioritized,
    TicketCommented,
    TicketWaitingOnCustomer,
    TicketResumed,
    TicketEscalated,
    KnowledgeArticleLinked,
    TicketResolved,
    TicketReopened,
    TicketClosed,
    TicketSatisfactionRecorded,
  ],
  'TicketEvent',
);
/** Every event of a Ticket stream. */
export type TicketEvent = t.TypeOf<typeof TicketEvent>;
