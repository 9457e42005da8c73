import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { NonNegativeMoney } from '../shared/money.js';
import { Pipeline } from './pipeline.js';
import type { OpportunityState } from './state.js';

const OpenedOpportunity = t.readonly(
  t.type({
    opened: t.literal(true),
    opportunityId: t.string,
    pipeline: Pipeline,
    status: t.union([t.literal('open'), t.literal('won'), t.literal('lost')]),
    stageId: t.string,
    lastOpenStageId: t.string,
    amount: NonNegativeMoney,
    expectedCloseOn: DateOnly,
    ownerId: t.string,
    customerId: t.union([t.string, t.null]),
    competitors: t.readonlyArray(t.string),
    quoteIds: t.readonlyArray(t.string),
  }),
);

/**
 * The Opportunity state as stored in a snapshot: decoded like any stored JSON, so a snapshot that
 * no longer matches the state's shape is ignored rather than trusted.
 */
export const OpportunityStateCodec: t.Type<OpportunityState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('none') })), OpenedOpportunity],
  'OpportunityState',
);

/**
 * The version of the Opportunity state's shape and `evolve`: bump it whenever either changes, so
 * snapshots written by an older `evolve` are ignored.
 */
export const OPPORTUNITY_STATE_VERSION = 'opportunity@1';
