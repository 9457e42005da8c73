import type { TicketStatus } from './state.js';

/** Why a ticket command was refused. */
export type TicketError =
  | { readonly kind: 'TicketNotFound'; readonly ticketId: string }
  | { readonly kind: 'TicketAlreadyOpened'; readonly ticketId: string }
  /** The command does not apply in the ticket's status (e.g. closing an unresolved ticket). */
  | {
      readonly kind: 'TicketNotInStatus';
      readonly ticketId: string;
      readonly status: TicketStatus;
      readonly allowed: readonly TicketStatus[];
    }
  /** A resolved ticket is not resolved again with a different code: reopen it first. */
  | {
      readonly kind: 'TicketAlreadyResolved';
      readonly ticketId: string;
      readonly resolution: string;
    };
