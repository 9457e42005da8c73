import * as t from 'io-ts';
import { CommissionEvent } from '@clientele/domain';
import { positionToString } from '@clientele/eventstore';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';

const decode = domainEventDecoder(CommissionEvent);

/**
 * The commission events that name one sale (an invoice or an opportunity), by log position. A
 * rep's commission stream touches many customers, so the timeline follows these links rather
 * than the whole stream.
 */
export const SaleCommissionsDocument = t.type(
  { positions: t.array(t.string) },
  'SaleCommissionsDocument',
);
/** The commission events that name one sale. */
export type SaleCommissionsDocument = t.TypeOf<typeof SaleCommissionsDocument>;

/** `saleCommissions`: keyed by the sale's stream name (`Invoice-…`, `Opportunity-…`). */
export const saleCommissionsProjection: Projection<SaleCommissionsDocument> = {
  name: 'saleCommissions',
  version: 1,
  filter: { streamNamePrefixes: ['Commission-'], eventTypes: ['CommissionBaseRecorded'] },
  keysOf: (recorded) => {
    const event = decode(recorded);
    if (event?.type !== 'CommissionBaseRecorded') return [];
    const { invoiceId, opportunityId } = event.data;
    return [
      ...(invoiceId === undefined ? [] : [`Invoice-${invoiceId}`]),
      ...(opportunityId === undefined ? [] : [`Opportunity-${opportunityId}`]),
    ];
  },
  initial: () => ({ positions: [] }),
  apply: (doc, recorded) => ({
    positions: [...doc.positions, positionToString(recorded.position)],
  }),
};
