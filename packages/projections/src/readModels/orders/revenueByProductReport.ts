import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import { type Period, periodOf } from '../../definitions/periods.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { creditedGroups } from '../salesOrganization/creditedGroup.js';
import { SalesOrderDocument } from './salesOrderDocument.js';

/** Booked revenue of one product in one period and region. */
export interface ProductRevenueRow {
  readonly productId: string;
  readonly sku: string;
  /** The product's name as the order recorded it: business data, shown instead of the id. */
  readonly product: string;
  readonly period: string;
  /** The region of the rep who booked the order, on the order day (`(no team)` when none). */
  readonly region: string;
  readonly orders: number;
  readonly units: number;
  /** Net of discounts, before tax, per currency. */
  readonly booked: MoneyByCurrency;
}

/** Options of {@link revenueByProductReport}. */
export interface RevenueByProductOptions {
  readonly period: Period;
  /** Split by the booking rep's region (default) or not (`all`). */
  readonly byRegion?: boolean;
  /** Orders placed after this day (`YYYY-MM-DD`) are not counted yet. */
  readonly asOf?: string;
}

/**
 * Booked revenue per product, period and region: every order not cancelled by `asOf`, each line's
 * net amount credited to its product in the period of the order day. Orders are read within the
 * actor's `Opportunity.read` scope, owned by the rep who booked them.
 */
export const revenueByProductReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: RevenueByProductOptions,
): Promise<E.Either<AuthorizationDenial, ProductRevenueRow[]>> => {
  const scope = access.scope('Opportunity.read');
  if (E.isLeft(scope)) return scope;
  const regionOf =
    options.byRegion === false ? () => 'all' : await creditedGroups(readModels, 'region');
  const rows = new Map<string, ProductRevenueRow>();
  for await (const { doc } of activeDocuments(readModels, 'salesOrders', SalesOrderDocument)) {
    if (!inReadScope(scope.right, doc.ownerId)) continue;
    if (options.asOf !== undefined && doc.orderedOn > options.asOf) continue;
    if (doc.cancelledOn !== null && (options.asOf === undefined || doc.cancelledOn <= options.asOf))
      continue;
    const period = periodOf(doc.orderedOn, options.period);
    const region = regionOf(doc.ownerId, doc.orderedOn);
    for (const line of doc.lines) {
      const key = `${line.productId}\u0000${period}\u0000${region}`;
      const row = rows.get(key) ?? {
        productId: line.productId,
        sku: line.sku,
        product: line.productName,
        period,
        region,
        orders: 0,
        units: 0,
        booked: {},
      };
      rows.set(key, {
        ...row,
        orders: row.orders + 1,
        units: row.units + line.quantity,
        booked: addAmount(row.booked, { amountMinor: line.netMinor, currency: doc.currency }),
      });
    }
  }
  return E.right(
    [...rows.values()].sort(
      (a, b) =>
        a.product.localeCompare(b.product) ||
        a.period.localeCompare(b.period) ||
        a.region.localeCompare(b.region),
    ),
  );
};
