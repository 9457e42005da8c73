import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import {
  CommentVisibility,
  ResolutionCode,
  SatisfactionScore,
  TicketChannel,
  TicketPriority,
} from './values.js';

const command = commandCodecFor('ticketId');

/**
 * Open a ticket for a customer. `subjectId` is the person asking (defaults to the customer, as for
 * a private person); `assigneeId` opens it already in an agent's hands; `resolution` records a
 * ticket solved at first contact (logged after the call that solved it).
 */
export const OpenTicket = command(
  'OpenTicket',
  {
    customerId: t.string,
    channel: TicketChannel,
    category: NonEmptyText,
    priority: TicketPriority,
  },
  {
    subjectId: t.string,
    description: t.string,
    product: t.string,
    assigneeId: t.string,
    resolution: ResolutionCode,
  },
);
/** Give the ticket to an agent; on a waiting ticket this also resumes work. */
export const AssignTicket = command('AssignTicket', { assigneeId: t.string }, {});
/** Change the priority. */
export const PrioritizeTicket = command('PrioritizeTicket', { priority: TicketPriority }, {});
/** Write a public or internal comment. */
export const CommentOnTicket = command(
  'CommentOnTicket',
  { commentId: t.string, authorId: t.string, visibility: CommentVisibility, body: NonEmptyText },
  {},
);
/** Wait for the customer (information, an upgrade on their side). */
export const WaitOnCustomer = command('WaitOnCustomer', { reason: NonEmptyText }, {});
/** Resume work on a waiting ticket. */
export const ResumeTicket = command('ResumeTicket', {}, {});
/** Escalate to another team or level. */
export const EscalateTicket = command(
  'EscalateTicket',
  { escalatedTo: NonEmptyText, reason: NonEmptyText },
  {},
);
/** Link a knowledge-base article. */
export const LinkKnowledgeArticle = command('LinkKnowledgeArticle', { articleId: t.string }, {});
/** Resolve with a resolution code. */
export const ResolveTicket = command('ResolveTicket', { resolution: ResolutionCode }, {});
/** Reopen a resolved or closed ticket, optionally into an agent's hands. */
export const ReopenTicket = command(
  'ReopenTicket',
  { reason: NonEmptyText },
  { assigneeId: t.string },
);
/** Close a resolved ticket. */
export const CloseTicket = command('CloseTicket', {}, {});
/** Record the customer's satisfaction (1–5) and feedback. */
export const RecordTicketSatisfaction = command(
  'RecordTicketSatisfaction',
  { score: SatisfactionScore },
  { feedback: t.string },
);

/** Every command of the Ticket aggregate. */
export const TicketCommand = t.union(
  [
    OpenTicket,
    AssignTicket,
    PrioritizeTicket,
    CommentOnTicket,
    WaitOnCustomer,
    ResumeTicket,
    EscalateTicket,
    LinkKnowledgeArticle,
    ResolveTicket,
    ReopenTicket,
    CloseTicket,
    RecordTicketSatisfaction,
  ],
  'TicketCommand',
);
/** Every command of the Ticket aggregate. */
export type TicketCommand = t.TypeOf<typeof TicketCommand>;

/**
 * A Ticket command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type TicketCommandInput = t.OutputOf<typeof TicketCommand>;
