import * as t from 'io-ts';
import {
  type SalesOrganizationState,
  SalesOrganizationEvent,
  evolveSalesOrganization,
  initialSalesOrganizationState,
} from '@clientele/domain';
import type { JsonValue, Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';

const decode = domainEventDecoder(SalesOrganizationEvent);

/**
 * The sales organization's events as data. The organization is small and changes rarely; keeping
 * its events lets a report fold it with the domain's own `evolve` and ask where a rep sat on the
 * day a deal closed.
 */
export const OrganizationDocument = t.type(
  { events: t.array(t.type({ type: t.string, data: t.unknown })) },
  'OrganizationDocument',
);
/** The sales organization's events as data. */
export type OrganizationDocument = t.TypeOf<typeof OrganizationDocument>;

/** The key of the organization document (one per organization id). */
export const organizationKey = (organizationId: string): string => `organization:${organizationId}`;

/** `salesOrganization`: offices, teams, managers and memberships over time, per organization. */
export const organizationProjection: Projection<{ events: { type: string; data: JsonValue }[] }> = {
  name: 'salesOrganization',
  version: 1,
  filter: { streamNamePrefixes: ['SalesOrganization-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined ? [] : [organizationKey(decoded.data.organizationId)];
  },
  initial: () => ({ events: [] }),
  apply: (doc, recorded) =>
    decode(recorded) === undefined
      ? doc
      : { events: [...doc.events, { type: recorded.type, data: recorded.data as JsonValue }] },
};

/** Folds an organization document into the domain's state. */
export const organizationState = (doc: OrganizationDocument): SalesOrganizationState =>
  doc.events.reduce((state, stored) => {
    const event = SalesOrganizationEvent.decode(stored);
    if (event._tag === 'Left')
      throw new Error(`stored organization event ${stored.type} does not decode`);
    return evolveSalesOrganization(state, event.right);
  }, initialSalesOrganizationState);
