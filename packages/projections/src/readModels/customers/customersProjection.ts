import { CustomerEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { dayOf, domainEventDecoder } from '../domainEvent.js';
import { type CustomerDocument, customerKey } from './customerDocument.js';

const decode = domainEventDecoder(CustomerEvent);

const UNREGISTERED: CustomerDocument = {
  customerId: '',
  ownerId: null,
  kind: '',
  status: 'active',
  survivorId: null,
  industry: null,
  region: null,
  source: null,
  segment: null,
  registeredOn: '',
};

/**
 * `customers`: one document per customer with its owner, status and grouping fields: the list a
 * customer read or export is filtered from, and the owner a timeline read is checked against.
 */
export const customersProjection: Projection<CustomerDocument> = {
  name: 'customers',
  version: 1,
  filter: { streamNamePrefixes: ['Customer-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined ? [] : [customerKey(decoded.data.customerId)];
  },
  initial: () => UNREGISTERED,
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    switch (event.type) {
      case 'CustomerRegistered': {
        const d = event.data;
        return {
          ...UNREGISTERED,
          customerId: d.customerId,
          ownerId: d.ownerId ?? null,
          kind: d.kind,
          industry: d.industry ?? null,
          region: d.region ?? null,
          source: d.source ?? null,
          registeredOn: dayOf(recorded.metadata.occurredAt),
        };
      }
      case 'CustomerOwnerAssigned':
        return { ...doc, ownerId: event.data.ownerId };
      case 'CustomerClassified':
        return { ...doc, segment: event.data.segment };
      case 'CustomerDeactivated':
        return { ...doc, status: 'inactive' };
      case 'CustomerReactivated':
        return { ...doc, status: 'active' };
      case 'CustomerMerged':
        return { ...doc, status: 'merged', survivorId: event.data.survivorId };
      case 'CustomerProfileUpdated': {
        const { industry, region, source } = event.data.changes;
        return {
          ...doc,
          ...(industry === undefined ? {} : { industry }),
          ...(region === undefined ? {} : { region }),
          ...(source === undefined ? {} : { source }),
        };
      }
      default:
        return doc;
    }
  },
};
