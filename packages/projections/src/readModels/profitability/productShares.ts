import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import type { DealRevenueDocument } from './dealRevenueDocument.js';

/** A deal's figures, as the product split needs them. */
export interface DealShareInput {
  readonly collected: MoneyByCurrency;
  readonly expenses: MoneyByCurrency;
  readonly commission: MoneyByCurrency;
  readonly doc: DealRevenueDocument;
}

/**
 * Splits a whole amount by weights into whole parts that add up to it exactly: each part is the
 * floor of its exact share, and the units left over go to the largest remainders (the first
 * weight on a tie). With no weight at all the first part takes everything.
 */
export const splitByWeights = (amount: number, weights: readonly number[]): number[] => {
  const total = BigInt(weights.reduce((sum, weight) => sum + weight, 0));
  if (total === 0n) return weights.map((_, index) => (index === 0 ? amount : 0));
  const shares = weights.map((weight, index) => {
    const exact = BigInt(amount) * BigInt(weight);
    const floor = exact / total - (exact % total < 0n ? 1n : 0n);
    return { index, floor, remainder: exact - floor * total };
  });
  const left = BigInt(amount) - shares.reduce((sum, share) => sum + share.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const extra = new Set(byRemainder.slice(0, Number(left)).map((share) => share.index));
  return shares.map((share) => Number(share.floor) + (extra.has(share.index) ? 1 : 0));
};

const split = (amounts: MoneyByCurrency, weights: readonly number[]) =>
  Object.entries(amounts).map(([currency, amount]) => ({
    currency,
    parts: splitByWeights(amount, weights),
  }));

/**
 * A deal's collections, expenses and commission split by product: what each invoice collected
 * goes to its products in proportion to what it billed them; the deal's expenses and commission
 * follow the products' shares of its collections. A deal with no product lines is one product,
 * `(no product)`.
 */
export const productShares = (
  deal: DealShareInput,
): Map<
  string,
  { collected: MoneyByCurrency; expenses: MoneyByCurrency; commission: MoneyByCurrency }
> => {
  const collectedByProduct = new Map<string, MoneyByCurrency>();
  for (const invoice of Object.values(deal.doc.invoices)) {
    const products =
      invoice.products.length === 0
        ? [{ productName: '(no product)', totalMinor: 1 }]
        : invoice.products;
    const parts = splitByWeights(
      invoice.collectedMinor,
      products.map((product) => product.totalMinor),
    );
    products.forEach((product, index) => {
      const sum = collectedByProduct.get(product.productName) ?? {};
      collectedByProduct.set(
        product.productName,
        addAmount(sum, { amountMinor: parts[index] ?? 0, currency: invoice.currency }),
      );
    });
  }
  if (collectedByProduct.size === 0) collectedByProduct.set('(no product)', {});
  const names = [...collectedByProduct.keys()];
  const weights = names.map((name) =>
    Object.values(collectedByProduct.get(name) ?? {}).reduce((s, v) => s + Math.max(v, 0), 0),
  );
  const shares = new Map(
    names.map((name) => [
      name,
      {
        collected: collectedByProduct.get(name) ?? {},
        expenses: {},
        commission: {},
      },
    ]),
  );
  for (const key of ['expenses', 'commission'] as const) {
    for (const { currency, parts } of split(deal[key], weights)) {
      names.forEach((name, index) => {
        const share = shares.get(name);
        if (share !== undefined)
          share[key] = addAmount(share[key], { amountMinor: parts[index] ?? 0, currency });
      });
    }
  }
  return shares;
};
