import * as E from 'fp-ts/lib/Either.js';
import type { PriceListCommand } from '../../priceList/commands.js';
import type { ProductCommand } from '../../product/commands.js';
import type { SalesOrderCommand } from '../../salesOrder/commands.js';
import type { CommandSink, ImportReport } from '../importReport.js';
import type { CsvChunks } from '../csv/decodeCsvText.js';
import { readCsvRecords } from '../csv/readCsvRecords.js';
import { createImportTally } from '../importReport.js';
import { decodeRow } from '../mappedRow.js';
import { MAVEN_IMPORT_ACTOR, mavenContext } from './mavenContext.js';
import { mavenCustomerId, mavenOpportunityId, mavenRepId } from './mavenIds.js';
import { mavenProductKey } from './mavenProducts.js';
import { MavenPipelineRow, MavenProductRow } from './mavenRows.js';

/** The Maven price list: US dollars, for every customer, no sales tax in the data. */
export const MAVEN_PRICE_LIST_ID = 'maven-usd';
/** The day the Maven list prices take effect: before the first deal of the data (2016-10-20). */
export const MAVEN_PRICES_FROM = '2016-01-01';

/** The product id of a Maven product name (`GTXPro` and `GTX Pro` are one product). */
export const mavenProductId = (product: string): string =>
  `maven-product-${mavenProductKey(product).toLowerCase()}`;
/** The order id of a won pipeline row. */
export const mavenOrderId = (opportunityId: string): string => `maven-order-${opportunityId}`;

/** The files the Maven orders come from. */
export interface MavenOrderFiles {
  readonly products: CsvChunks;
  readonly pipeline: CsvChunks;
}

/** The entry points the Maven catalog and orders go to. */
export interface MavenOrderTarget {
  readonly products: CommandSink<ProductCommand>;
  readonly priceLists: CommandSink<PriceListCommand>;
  readonly orders: CommandSink<SalesOrderCommand>;
}

const usd = (dollars: number) => ({ amountMinor: dollars * 100, currency: 'USD' });
const setUp = (key: string) =>
  mavenContext(`catalog ${key}`, MAVEN_PRICES_FROM, MAVEN_IMPORT_ACTOR, undefined);

/** The catalog commands of `products.csv`: a product each, and its price in the USD price list. */
const catalogOf = async (
  products: CsvChunks,
  target: MavenOrderTarget,
  tally: ReturnType<typeof createImportTally>,
): Promise<Map<string, { name: string; dollars: number }>> => {
  const catalog = new Map<string, { name: string; dollars: number }>();
  const created = {
    kind: 'CreatePriceList' as const,
    priceListId: MAVEN_PRICE_LIST_ID,
    name: 'Maven list prices',
    currency: 'USD',
    segment: 'all',
    taxRates: { standard: 0, reduced: 0, zero: 0, exempt: 0 },
  };
  await tally.send(target.priceLists, {
    lineNumber: 1,
    command: created as never,
    context: setUp('price list'),
  });
  for await (const record of readCsvRecords(products)) {
    tally.row();
    const row = decodeRow(MavenProductRow, record.values, record.lineNumber);
    if (E.isLeft(row)) {
      tally.reject({
        ...row.left,
        problems: row.left.problems.map((problem) => `products.csv: ${problem}`),
      });
      continue;
    }
    const productId = mavenProductId(row.right.product);
    const dollars = Number(row.right.sales_price);
    const define = {
      kind: 'DefineProduct',
      productId,
      sku: mavenProductKey(row.right.product),
      name: row.right.product,
      unit: 'unit',
      taxClass: 'zero',
    };
    const price = {
      kind: 'SetProductPrice',
      priceListId: MAVEN_PRICE_LIST_ID,
      productId,
      unitPrice: usd(dollars),
      effectiveFrom: MAVEN_PRICES_FROM,
    };
    const { lineNumber } = record;
    if (
      await tally.send(target.products, {
        lineNumber,
        command: define as never,
        context: setUp(`product ${productId}`),
      })
    ) {
      await tally.send(target.priceLists, {
        lineNumber,
        command: price as never,
        context: setUp(`price ${productId}`),
      });
    }
    catalog.set(productId, { name: row.right.product, dollars });
  }
  return catalog;
};

/** The order of a won row: one unit of the product at the deal's close value, the list price kept. */
const orderOf = (row: MavenPipelineRow, product: { name: string; dollars: number }) => {
  const productId = mavenProductId(row.product);
  const agreed = usd(Number(row.close_value));
  const zero = usd(0);
  return {
    kind: 'PlaceOrder',
    orderId: mavenOrderId(row.opportunity_id),
    opportunityId: mavenOpportunityId(row.opportunity_id),
    customerId: mavenCustomerId(row.account),
    ownerId: mavenRepId(row.sales_agent),
    currency: 'USD',
    orderedOn: row.close_date,
    lines: [
      {
        lineId: `${row.opportunity_id}-1`,
        productId,
        sku: mavenProductKey(product.name),
        productName: product.name,
        billing: 'one_off',
        quantity: 1,
        unitPrice: agreed,
        listUnitPrice: usd(product.dollars),
        taxRateBps: 0,
        gross: agreed,
        discount: zero,
        net: agreed,
        tax: zero,
        total: agreed,
      },
    ],
    totals: { net: agreed, tax: zero, total: agreed },
  };
};

/**
 * Imports the Maven catalog and its won deals as orders: `products.csv` becomes products and the
 * USD price list `maven-usd` (list prices from 2016-01-01, tax class `zero`), and every Won row of
 * `sales_pipeline.csv` an order of one unit of its product at the deal's close value, the list
 * price kept beside it, booked by the agent on the close date. Other rows are read and skipped.
 * A won row naming a product `products.csv` lacks is refused with its line. Ids derive from the
 * data, so importing again changes nothing.
 */
export const importMavenOrders = async (
  files: MavenOrderFiles,
  target: MavenOrderTarget,
): Promise<ImportReport> => {
  const tally = createImportTally();
  const catalog = await catalogOf(files.products, target, tally);
  for await (const record of readCsvRecords(files.pipeline)) {
    tally.row();
    const row = decodeRow(MavenPipelineRow, record.values, record.lineNumber);
    if (E.isLeft(row)) {
      tally.reject(row.left);
      continue;
    }
    if (row.right.deal_stage !== 'Won') continue;
    const product = catalog.get(mavenProductId(row.right.product));
    if (product === undefined) {
      tally.reject({
        lineNumber: record.lineNumber,
        problems: [`product: not in products.csv, got ${JSON.stringify(row.right.product)}`],
      });
      continue;
    }
    const context = mavenContext(
      `${row.right.opportunity_id} order`,
      row.right.close_date,
      { id: mavenRepId(row.right.sales_agent), role: 'sales_rep' },
      undefined,
    );
    await tally.send(target.orders, {
      lineNumber: record.lineNumber,
      command: orderOf(row.right, product) as never,
      context,
    });
  }
  return tally.report();
};
