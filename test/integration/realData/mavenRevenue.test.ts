import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import {
  createMavenOrganizationMapping,
  createPriceListService,
  createProductService,
  createSalesOrderService,
  createSalesOrganizationService,
  importMavenOrders,
  readCsvRecords,
} from '@clientele/domain';
import { createInMemoryEventStore } from '@clientele/eventstore';
import {
  createInMemoryReadModelStore,
  createProjectionRunner,
  invoiceProductsProjection,
  invoicesProjection,
  organizationProjection,
  revenueByProductReport,
  salesOrdersProjection,
} from '@clientele/projections';
import { administratorAccess, allowed } from '@clientele/projections/testing';
import { beforeAll, expect, it } from 'vitest';
import { datasetUrl, datasetsUnavailable } from '../../support/datasets.js';
import { independentFigures } from '../../support/independentFigures.js';
import { describeWhenAvailable } from '../../support/requireService.js';

const DIR = datasetUrl('maven-crm-sales-opportunities/');
const open = (name: string) => createReadStream(new URL(name, DIR), { encoding: 'utf8' });

/*
 * Expected figures computed from the raw CSVs by SQL (`mavenRevenue.expected.sql`, beside this
 * file; the first test checks them against it): [won deals, close values summed in dollars].
 */
const BY_PRODUCT: Record<string, [number, number]> = {
  'GTK 500': [15, 400_612],
  'GTX Basic': [915, 499_263],
  'GTX Plus Basic': [653, 705_275],
  'GTX Plus Pro': [479, 2_629_651],
  'GTX Pro': [729, 3_510_578],
  'MG Advanced': [654, 2_216_387],
  'MG Special': [793, 43_768],
};
const BY_PRODUCT_AND_REGION: Record<string, [number, number]> = {
  'GTK 500 / West': [15, 400_612],
  'GTX Basic / Central': [334, 182_839],
  'GTX Basic / East': [215, 117_331],
  'GTX Basic / West': [366, 199_093],
  'GTX Plus Basic / Central': [255, 276_512],
  'GTX Plus Basic / East': [185, 200_679],
  'GTX Plus Basic / West': [213, 228_084],
  'GTX Plus Pro / Central': [170, 931_904],
  'GTX Plus Pro / East': [149, 822_168],
  'GTX Plus Pro / West': [160, 875_579],
  'GTX Pro / Central': [229, 1_104_109],
  'GTX Pro / East': [266, 1_285_647],
  'GTX Pro / West': [234, 1_120_822],
  'MG Advanced / Central': [245, 828_947],
  'MG Advanced / East': [194, 655_914],
  'MG Advanced / West': [215, 731_526],
  'MG Special / Central': [396, 21_982],
  'MG Special / East': [162, 8_855],
  'MG Special / West': [235, 12_931],
};
const BY_QUARTER: Record<string, [number, number]> = {
  '2017-Q1': [531, 1_134_672],
  '2017-Q2': [1_254, 3_086_111],
  '2017-Q3': [1_257, 2_982_255],
  '2017-Q4': [1_196, 2_802_496],
};

const readModels = createInMemoryReadModelStore();
let imported: Awaited<ReturnType<typeof importMavenOrders>>;

beforeAll(async () => {
  const events = createInMemoryEventStore();
  // The sales organization first, so each order's region is its agent's regional office.
  const organization = createSalesOrganizationService(events, {
    authorize: permitEveryoneInTests(),
  });
  const mapping = createMavenOrganizationMapping();
  for await (const record of readCsvRecords(open('sales_teams.csv'))) {
    const mapped = mapping.mapRow(record.values, record.lineNumber);
    if (E.isLeft(mapped)) throw new Error(JSON.stringify(mapped.left));
    for (const row of mapped.right) await organization.handle(row.command, row.context);
  }
  imported = await importMavenOrders(
    { products: open('products.csv'), pipeline: open('sales_pipeline.csv') },
    {
      products: createProductService(events, { authorize: permitEveryoneInTests() }),
      priceLists: createPriceListService(events, { authorize: permitEveryoneInTests() }),
      orders: createSalesOrderService(events, { authorize: permitEveryoneInTests() }),
    },
  );
  await createProjectionRunner({
    events,
    readModels,
    projections: [
      organizationProjection,
      salesOrdersProjection,
      invoicesProjection,
      invoiceProductsProjection,
    ],
  }).catchUp();
}, 60_000);

/** [orders, booked dollars] of report rows, by the key a row gives. */
const figures = (
  rows: readonly { orders: number; booked: Readonly<Record<string, number>> }[],
  keyOf: (row: never) => string,
) => {
  const sums: Record<string, [number, number]> = {};
  for (const row of rows) {
    const key = keyOf(row as never);
    const [orders, cents] = sums[key] ?? [0, 0];
    sums[key] = [orders + row.orders, cents + (row.booked['USD'] ?? 0)];
  }
  return Object.fromEntries(
    Object.entries(sums).map(([key, [orders, cents]]) => [key, [orders, cents / 100]]),
  );
};

describeWhenAvailable(
  'Maven products as a price list, won deals as orders, revenue by product',
  datasetsUnavailable(),
  () => {
    it('has expected figures that are what the SQL over the raw CSVs computes', () => {
      const rows = independentFigures<{
        grouping: string;
        key: string;
        orders: number;
        revenue: number;
      }>(new URL('mavenRevenue.expected.sql', import.meta.url), DIR);
      const of = (grouping: string) =>
        Object.fromEntries(
          rows
            .filter((row) => row.grouping === grouping)
            .map((row) => [row.key, [row.orders, row.revenue]]),
        );
      expect(of('product')).toEqual(BY_PRODUCT);
      expect(of('product-region')).toEqual(BY_PRODUCT_AND_REGION);
      expect(of('quarter')).toEqual(BY_QUARTER);
    });

    it('imports every product and every won deal as an order, refusing nothing', () => {
      expect(imported.rejected).toEqual([]);
      expect(imported.events).toMatchObject({
        ProductDefined: 7,
        ProductPriceSet: 7,
        OrderPlaced: 4_238,
      });
    });

    it('books revenue per product equal to the won deals close values, to the dollar', async () => {
      const rows = await allowed(
        revenueByProductReport(readModels, administratorAccess, { period: 'all', byRegion: false }),
      );
      expect(figures(rows, (row: { product: string }) => row.product)).toEqual(BY_PRODUCT);
    });

    it('books revenue per product and region, the region being the agent office', async () => {
      const rows = await allowed(
        revenueByProductReport(readModels, administratorAccess, { period: 'all' }),
      );
      expect(
        figures(
          rows,
          (row: { product: string; region: string }) => `${row.product} / ${row.region}`,
        ),
      ).toEqual(BY_PRODUCT_AND_REGION);
    });

    it('books revenue per quarter of the close date', async () => {
      const rows = await allowed(
        revenueByProductReport(readModels, administratorAccess, {
          period: 'quarter',
          byRegion: false,
        }),
      );
      expect(figures(rows, (row: { period: string }) => row.period)).toEqual(BY_QUARTER);
    });
  },
);
