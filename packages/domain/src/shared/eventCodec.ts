import * as t from 'io-ts';

/**
 * The codec of one domain event: `{ type: <literal>, data }`, named after the type so a decoding
 * failure says which event it was.
 *
 * @example
 * export const LeadQualified = eventCodec('LeadQualified', t.type({ leadId: t.string, score: LeadScore }));
 */
export const eventCodec = <T extends string, D extends t.Mixed>(type: T, data: D) =>
  t.type({ type: t.literal(type), data }, type);
