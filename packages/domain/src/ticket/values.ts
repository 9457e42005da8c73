import * as t from 'io-ts';

/** How the customer reached the help desk. */
export const TicketChannel = t.keyof(
  { phone: null, email: null, web: null, chat: null, call_centre: null },
  'TicketChannel',
);
/** How the customer reached the help desk. */
export type TicketChannel = t.TypeOf<typeof TicketChannel>;

/** How urgent a ticket is; SLA targets are set per priority. */
export const TicketPriority = t.keyof(
  { low: null, normal: null, high: null, urgent: null },
  'TicketPriority',
);
/** How urgent a ticket is. */
export type TicketPriority = t.TypeOf<typeof TicketPriority>;

/** A public comment is seen by the customer; an internal one only by staff. */
export const CommentVisibility = t.keyof({ public: null, internal: null }, 'CommentVisibility');
/** Who may read a comment. */
export type CommentVisibility = t.TypeOf<typeof CommentVisibility>;

/** Why a ticket was resolved. */
export const ResolutionCode = t.keyof(
  { solved: null, workaround: null, not_reproducible: null, duplicate: null, invalid: null },
  'ResolutionCode',
);
/** Why a ticket was resolved. */
export type ResolutionCode = t.TypeOf<typeof ResolutionCode>;

/** Brand of {@link SatisfactionScore}. */
export interface SatisfactionScoreBrand {
  readonly SatisfactionScore: unique symbol;
}
/** Customer satisfaction, a whole number from 1 (very unhappy) to 5 (very happy). */
export const SatisfactionScore = t.brand(
  t.number,
  (n): n is t.Branded<number, SatisfactionScoreBrand> => Number.isInteger(n) && n >= 1 && n <= 5,
  'SatisfactionScore',
);
/** Customer satisfaction from 1 to 5. */
export type SatisfactionScore = t.TypeOf<typeof SatisfactionScore>;
