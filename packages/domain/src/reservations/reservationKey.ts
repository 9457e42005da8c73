import { createHmac } from 'node:crypto';
import { streamName } from '@clientele/eventstore';

/** What kind of contact value a reservation protects. */
export type ReservationKind = 'email' | 'phone';

/**
 * The keyed hash naming a reservation: HMAC-SHA-256 under the tenant's secret key of the kind and
 * the normalized value. The value itself is never stored, and without the tenant key nobody can
 * test a guessed email against the log.
 */
export const reservationKey = (
  tenantKey: string | Uint8Array,
  kind: ReservationKind,
  normalizedValue: string,
): string => createHmac('sha256', tenantKey).update(`${kind}:${normalizedValue}`).digest('hex');

/** The reservation stream of one key within one tenant: `CustomerKey-<tenant>.<hash>`. */
export const reservationStreamName = (tenantId: string, key: string): string =>
  streamName('CustomerKey', `${tenantId}.${key}`);
