import { type MoneyByCurrency, addAmount } from '../../definitions/moneyByCurrency.js';
import type { DealRevenueDocument } from './dealRevenueDocument.js';

/** A deal's figures, as the product split needs them. */
export interface DealShareInput {
  readonly collected: MoneyByCurrency;
  readonly expenses: MoneyByCurrency;
  readonly commission: MoneyByCurrency;
  readonly doc: DealRevenueDocument;
}

/** Splits a whole amount by weights into whole parts that add up to it (largest remainder). */
export const splitByWeights = (amount: number, weights: readonly number[]): number[] => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return weights.map((_, index) => (index === 0 ? amount : 0));
  const exact = weights.map((weight) => BigInt(amount) * BigInt(weight));
  const floors = exact.map(
    (value) => value / BigInt(total) - (value % BigInt(total) < 0n ? 1n : 0n),
  );
  let left = BigInt(amount) - floors.reduce((sum, value) => sum + value, 0n);
  const order = exact
    .map((value, index) => ({ index, remainder: value - floors[index]! * BigInt(total) }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const parts = floors.map(Number);
  for (const { index } of order) {
    if (left === 0n) break;
    parts[index]! += 1;
    left -= 1n;
  }
  return parts;
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
        expenses: {} as MoneyByCurrency,
        commission: {} as MoneyByCurrency,
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
