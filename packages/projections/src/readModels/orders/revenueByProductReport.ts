import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import { type Period, periodOf } from '../../definitions/periods.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { creditedGroups } from '../salesOrganization/creditedGroup.js';
import { productCollections } from './productCollections.js';
import { SalesOrderDocument } from './salesOrderDocument.js';

/** Booked and collected revenue of one product in one period and region. */
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
  /**
   * Payments − refunds received in the period on invoices billing the product (tax included, as
   * collected), credited to the region of the invoice's rep on the day received.
   */
  readonly collected: MoneyByCurrency;
}

/** Options of {@link revenueByProductReport}. */
export interface RevenueByProductOptions {
  readonly period: Period;
  /** Split by the booking rep's region (default) or not (`all`). */
  readonly byRegion?: boolean;
  /** Orders placed after this day (`YYYY-MM-DD`) are not counted yet. */
  readonly asOf?: string;
}

type Rows = Map<string, ProductRevenueRow>;
type RegionOf = (repId: string, day: string) => string;

/** The row of a product, period and region, started empty when new. */
const rowOf = (
  rows: Rows,
  product: { productId: string; sku: string; productName: string },
  period: string,
  region: string,
): [string, ProductRevenueRow] => {
  const key = `${product.productId}\u0000${period}\u0000${region}`;
  const { productId, sku, productName } = product;
  const empty = { productId, sku, product: productName, period, region, orders: 0, units: 0 };
  return [key, rows.get(key) ?? { ...empty, booked: {}, collected: {} }];
};

/** Whether an order counts on the report day: placed by then and not cancelled by then. */
const counts = (doc: SalesOrderDocument, asOf: string | undefined): boolean =>
  asOf === undefined
    ? doc.cancelledOn === null
    : doc.orderedOn <= asOf && (doc.cancelledOn === null || doc.cancelledOn > asOf);

const addBooked = (rows: Rows, doc: SalesOrderDocument, period: string, region: string) => {
  for (const line of doc.lines) {
    const [key, row] = rowOf(rows, line, period, region);
    rows.set(key, {
      ...row,
      orders: row.orders + 1,
      units: row.units + line.quantity,
      booked: addAmount(row.booked, { amountMinor: line.netMinor, currency: doc.currency }),
    });
  }
};

/** How collections are counted: who may be read, up to which day, by which period and region. */
interface CollectionCount {
  readonly inScope: (repId: string | null) => boolean;
  readonly options: RevenueByProductOptions;
  readonly regionOf: RegionOf;
}

const addCollected = async (rows: Rows, readModels: ReadModelStore, count: CollectionCount) => {
  const { inScope, options, regionOf } = count;
  for (const collection of await productCollections(readModels)) {
    if (!inScope(collection.repId) || (options.asOf !== undefined && collection.on > options.asOf))
      continue;
    const period = periodOf(collection.on, options.period);
    const [key, row] = rowOf(
      rows,
      collection,
      period,
      regionOf(collection.repId ?? '', collection.on),
    );
    rows.set(key, { ...row, collected: addAmount(row.collected, collection.amount) });
  }
};

/**
 * Booked and collected revenue per product, period and region. Booked: every order not cancelled
 * by `asOf`, each line's net amount credited to its product in the period of the order day.
 * Collected: every payment (less refunds) by `asOf` on an invoice billing order or contract lines,
 * split among its products by what it billed each, in the period of the day received. Read within
 * the actor's `SalesOrder.read` scope, owned by the rep who booked the order or is credited with
 * the invoice.
 */
export const revenueByProductReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: RevenueByProductOptions,
): Promise<E.Either<AuthorizationDenial, ProductRevenueRow[]>> => {
  const scope = access.scope('SalesOrder.read');
  if (E.isLeft(scope)) return scope;
  const inScope = (repId: string | null) => inReadScope(scope.right, repId);
  const regionOf: RegionOf =
    options.byRegion === false ? () => 'all' : await creditedGroups(readModels, 'region');
  const rows: Rows = new Map();
  for await (const { doc } of activeDocuments(readModels, 'salesOrders', SalesOrderDocument)) {
    if (!inScope(doc.ownerId) || !counts(doc, options.asOf)) continue;
    const period = periodOf(doc.orderedOn, options.period);
    addBooked(rows, doc, period, regionOf(doc.ownerId, doc.orderedOn));
  }
  await addCollected(rows, readModels, { inScope, options, regionOf });
  return E.right(
    [...rows.values()].sort(
      (a, b) =>
        a.product.localeCompare(b.product) ||
        a.period.localeCompare(b.period) ||
        a.region.localeCompare(b.region),
    ),
  );
};
