import * as t from 'io-ts';
import { PricedCatalogLine, SaleTotals } from '../quote/values.js';
import { DateOnly } from '../shared/dates.js';
import type { SalesOrderState } from './state.js';

const PlacedOrder = t.readonly(
  t.type({
    placed: t.literal(true),
    orderId: t.string,
    customerId: t.string,
    ownerId: t.string,
    quoteId: t.union([t.string, t.null]),
    orderedOn: DateOnly,
    lines: t.readonlyArray(PricedCatalogLine),
    totals: SaleTotals,
    status: t.keyof({ open: null, partially_fulfilled: null, fulfilled: null, cancelled: null }),
    onCreditHold: t.boolean,
    fulfilled: t.readonly(t.record(t.string, t.number)),
  }),
);

/**
 * The SalesOrder state as stored in a snapshot (its lines, what was delivered, the credit hold):
 * decoded like any stored JSON, so a snapshot of another shape is ignored rather than trusted.
 */
export const SalesOrderStateCodec: t.Type<SalesOrderState, unknown> = t.union(
  [t.readonly(t.type({ status: t.literal('none') })), PlacedOrder],
  'SalesOrderState',
);

/**
 * The version of the SalesOrder state's shape and `evolve`: bump it whenever either changes, so
 * snapshots written by an older `evolve` are ignored.
 */
export const SALES_ORDER_STATE_VERSION = 'sales-order@1';
