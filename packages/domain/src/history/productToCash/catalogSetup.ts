import { divideHalfEven } from '../../shared/rounding.js';
import type { HistorySetup } from '../historyStep.js';
import type { GeneratedProductToCash } from './productToCashServices.js';

/** The generated catalog: what the demo company sells, and how. */
export const GENERATED_PRODUCTS = [
  {
    productId: 'seat',
    sku: 'SEAT-STD',
    name: 'Seat licence',
    unit: 'seat',
    taxClass: 'standard',
    billing: 'one_off',
    price: 12_000,
  },
  {
    productId: 'onboarding',
    sku: 'SVC-ONB',
    name: 'Onboarding',
    unit: 'day',
    taxClass: 'standard',
    billing: 'one_off',
    price: 95_000,
  },
  {
    productId: 'hardware-kit',
    sku: 'HW-KIT',
    name: 'Hardware kit',
    unit: 'kit',
    taxClass: 'reduced',
    billing: 'one_off',
    price: 45_000,
  },
  {
    productId: 'support-plan',
    sku: 'SUB-SUP',
    name: 'Support plan',
    unit: 'year',
    taxClass: 'standard',
    billing: 'subscription',
    price: 240_000,
  },
] as const;

/** The generated price lists: small businesses and enterprises, both in euros. */
export const GENERATED_PRICE_LISTS = [
  { priceListId: 'eu-smb', name: 'EU small business', segment: 'smb', markupBps: 10_000 },
  { priceListId: 'eu-enterprise', name: 'EU enterprise', segment: 'enterprise', markupBps: 9_000 },
] as const;

/**
 * The catalog, two price lists with a price rise from July (so quotes show prices looked up as of
 * their date), and every rep's quarterly expense budget.
 */
export const catalogSetup = (services: GeneratedProductToCash): HistorySetup => ({
  name: 'catalog',
  run: async (world) => {
    const admin = () => world.context('admin');
    const year = world.today().slice(0, 4);
    for (const { price: _, ...product } of GENERATED_PRODUCTS) {
      world.record(
        'defineProduct',
        await services.products.handle({ kind: 'DefineProduct', ...product }, admin()),
      );
    }
    for (const list of GENERATED_PRICE_LISTS) {
      const { priceListId } = list;
      world.record(
        'createPriceList',
        await services.priceLists.handle(
          {
            kind: 'CreatePriceList',
            priceListId,
            name: list.name,
            currency: 'EUR',
            segment: list.segment,
            taxRates: { standard: 2_000, reduced: 550, zero: 0, exempt: 0 },
          },
          admin(),
        ),
      );
      for (const product of GENERATED_PRODUCTS) {
        for (const [from, rise] of [
          [`${year}-01-01`, 10_000],
          [`${year}-07-01`, 10_500],
        ] as const) {
          const amountMinor = Number(
            divideHalfEven(BigInt(product.price * list.markupBps) * BigInt(rise), 100_000_000n),
          );
          world.record(
            'setProductPrice',
            await services.priceLists.handle(
              {
                kind: 'SetProductPrice',
                priceListId,
                productId: product.productId,
                unitPrice: { amountMinor, currency: 'EUR' },
                effectiveFrom: from,
              },
              admin(),
            ),
          );
        }
      }
    }
    for (const repId of world.reps) {
      for (const quarter of [1, 2, 3, 4]) {
        const amount = { amountMinor: world.random.int(3, 8) * 50_000, currency: 'EUR' };
        world.record(
          'setExpenseBudget',
          await services.budgets.handle(
            { kind: 'SetExpenseBudget', repId, period: `${year}-Q${String(quarter)}`, amount },
            admin(),
          ),
        );
      }
    }
  },
});
