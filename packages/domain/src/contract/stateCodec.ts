import * as t from 'io-ts';
import { PricedCatalogLine, SaleTotals, SubscriptionTerms } from '../quote/values.js';
import { DateOnly } from '../shared/dates.js';
import type { ContractState } from './state.js';

const StartedContract = t.readonly(
  t.type({
    started: t.literal(true),
    contractId: t.string,
    customerId: t.string,
    ownerId: t.string,
    terms: SubscriptionTerms,
    lines: t.readonlyArray(PricedCatalogLine),
    totals: SaleTotals,
    term: t.number,
    termStartOn: DateOnly,
    endOn: DateOnly,
    noticeEffectiveOn: t.union([DateOnly, t.null]),
    status: t.keyof({ active: null, ended: null }),
  }),
);

/**
 * The Contract state as stored in a snapshot (its terms, billing frequency, current term and any
 * notice): decoded like any stored JSON, so a snapshot of another shape is ignored.
 */
export const ContractStateCodec: t.Type<ContractState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('none') })), StartedContract],
  'ContractState',
);

/**
 * The version of the Contract state's shape and `evolve`: bump it whenever either changes, so
 * snapshots written by an older `evolve` are ignored.
 */
export const CONTRACT_STATE_VERSION = 'contract@1';
