import type { DateOnly } from '../shared/dates.js';
import type { PricedCatalogLine, SaleTotals, SubscriptionTerms } from '../quote/values.js';
import type { ContractEvent } from './events.js';

/** A started contract after its events. */
export interface ContractProfile {
  readonly contractId: string;
  readonly customerId: string;
  readonly ownerId: string;
  readonly terms: SubscriptionTerms;
  readonly lines: readonly PricedCatalogLine[];
  readonly totals: SaleTotals;
  /** The current term: 1 for the first. */
  readonly term: number;
  readonly termStartOn: DateOnly;
  readonly endOn: DateOnly;
  /** The day the contract ends by notice, if notice was given. */
  readonly noticeEffectiveOn: DateOnly | null;
  readonly status: 'active' | 'ended';
}

/** A contract stream's state: nothing yet, or a started contract. */
export type ContractState =
  { readonly status: 'none' } | ({ readonly started: true } & ContractProfile);

/** The state of a stream with no events. */
export const initialContractState: ContractState = { status: 'none' };

const change = (
  state: ContractState,
  patch: (contract: ContractProfile) => Partial<ContractProfile>,
) => ('started' in state ? { ...state, ...patch(state) } : state);

/** Folds one event into a contract's state. */
export const evolveContract = (state: ContractState, event: ContractEvent): ContractState => {
  switch (event.type) {
    case 'ContractStarted': {
      const { data } = event;
      return {
        started: true,
        contractId: data.contractId,
        customerId: data.customerId,
        ownerId: data.ownerId,
        terms: data.terms,
        lines: data.lines,
        totals: data.totals,
        term: data.term,
        termStartOn: data.terms.startOn,
        endOn: data.endOn,
        noticeEffectiveOn: null,
        status: 'active',
      };
    }
    case 'ContractAmended':
      return change(state, (contract) => ({
        lines: event.data.lines,
        totals: event.data.totals,
        terms: {
          ...contract.terms,
          ...(event.data.autoRenew === undefined ? {} : { autoRenew: event.data.autoRenew }),
          ...(event.data.noticeDays === undefined ? {} : { noticeDays: event.data.noticeDays }),
        },
      }));
    case 'ContractRenewed':
      return change(state, () => ({
        term: event.data.term,
        termStartOn: event.data.startOn,
        endOn: event.data.endOn,
      }));
    case 'ContractNoticeGiven':
      return change(state, () => ({ noticeEffectiveOn: event.data.effectiveOn }));
    case 'ContractEnded':
      return change(state, () => ({ status: 'ended' }));
  }
};
