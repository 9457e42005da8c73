import { addMonths } from '../contract/term.js';
import type { DateOnly } from '../shared/dates.js';
import type { Money } from '../shared/money.js';
import type { PricedCatalogLine } from '../quote/values.js';
import type { InvoiceSaleLine } from '../invoice/values.js';

/** One invoice of a billing schedule: when it is issued and the part of each line it bills. */
export interface Installment {
  /** 1-based. */
  readonly number: number;
  readonly issueOn: DateOnly;
  readonly lines: readonly InvoiceSaleLine[];
  readonly total: Money;
}

/** Where the billed lines come from. */
export interface BilledSource {
  readonly source: 'order' | 'contract';
  readonly sourceId: string;
  readonly lines: readonly PricedCatalogLine[];
}

/** The part `index` (0-based) of `count` of an amount: the parts are whole and add up to it exactly. */
const share = (amountMinor: number, index: number, count: number): number => {
  const [amount, parts] = [BigInt(amountMinor), BigInt(count)];
  return Number((amount * BigInt(index + 1)) / parts - (amount * BigInt(index)) / parts);
};

const money = (amountMinor: number, currency: string) => ({ amountMinor, currency }) as Money;

/**
 * Splits the lines of an order or contract term into `count` installments issued `everyMonths`
 * apart from `firstOn`. Each line's net and tax are split into whole minor units that add up to
 * them exactly (the remainder goes to the later installments), so the invoices of a schedule
 * total what the order or term totals, to the minor unit.
 */
export const splitIntoInstallments = (
  billed: BilledSource,
  count: number,
  firstOn: DateOnly,
  everyMonths: number,
): readonly Installment[] =>
  Array.from({ length: count }, (_, index) => {
    const lines = billed.lines.map((line): InvoiceSaleLine => {
      const { currency } = line.total;
      const net = share(line.net.amountMinor, index, count);
      const tax = share(line.tax.amountMinor, index, count);
      return {
        source: billed.source,
        sourceId: billed.sourceId,
        lineId: line.lineId,
        productId: line.productId,
        sku: line.sku,
        productName: line.productName,
        net: money(net, currency),
        tax: money(tax, currency),
        total: money(net + tax, currency),
      };
    });
    const currency = billed.lines[0]?.total.currency ?? 'XXX';
    return {
      number: index + 1,
      issueOn: addMonths(firstOn, index * everyMonths),
      lines,
      total: money(
        lines.reduce((sum, line) => sum + line.total.amountMinor, 0),
        currency,
      ),
    };
  });

/** Months between the invoices of a contract billed at a frequency. */
export const MONTHS_PER_INVOICE = { monthly: 1, quarterly: 3, yearly: 12 } as const;
