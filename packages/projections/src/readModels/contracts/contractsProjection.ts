import { ContractEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import type { ContractDocument } from './contractDocument.js';

const decode = domainEventDecoder(ContractEvent);

/** `contracts`: one document per contract with its current term, notice and end. */
export const contractsProjection: Projection<ContractDocument> = {
  name: 'contracts',
  version: 1,
  filter: { streamNamePrefixes: ['Contract-'] },
  keysOf: (recorded) => {
    const event = decode(recorded);
    return event === undefined ? [] : [event.data.contractId];
  },
  initial: (contractId) => ({
    contractId,
    customerId: '',
    ownerId: '',
    term: 0,
    endOn: '',
    autoRenew: false,
    noticeEffectiveOn: null,
    currency: '',
    termNetMinor: 0,
    endedOn: null,
    endReason: null,
  }),
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    switch (event.type) {
      case 'ContractStarted':
        return {
          ...doc,
          customerId: event.data.customerId,
          ownerId: event.data.ownerId,
          term: event.data.term,
          endOn: event.data.endOn,
          autoRenew: event.data.terms.autoRenew,
          currency: event.data.currency,
          termNetMinor: event.data.totals.net.amountMinor,
        };
      case 'ContractAmended':
        return {
          ...doc,
          autoRenew: event.data.autoRenew ?? doc.autoRenew,
          termNetMinor: event.data.totals.net.amountMinor,
        };
      case 'ContractRenewed':
        return { ...doc, term: event.data.term, endOn: event.data.endOn };
      case 'ContractNoticeGiven':
        return { ...doc, noticeEffectiveOn: event.data.effectiveOn };
      case 'ContractEnded':
        return { ...doc, endedOn: event.data.endedOn, endReason: event.data.reason };
    }
  },
};
