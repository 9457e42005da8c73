import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as t from 'io-ts';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { PriceListCommand } from '../src/priceList/commands.js';
import { PriceListEvent } from '../src/priceList/events.js';
import { PriceEntry, TaxRates } from '../src/priceList/values.js';
import { ProductCommand } from '../src/product/commands.js';
import { ProductEvent } from '../src/product/events.js';
import { ProductBilling, TaxClass } from '../src/product/values.js';
import { QuoteCommand } from '../src/quote/commands.js';
import { QuoteEvent } from '../src/quote/events.js';
import {
  BillingFrequency,
  CatalogQuoteLine,
  PricedCatalogLine,
  SaleTotals,
  SubscriptionTerms,
} from '../src/quote/values.js';
import { ContractCommand } from '../src/contract/commands.js';
import { ContractEvent } from '../src/contract/events.js';
import { ExpenseClaimCommand } from '../src/expense/commands.js';
import { ExpenseClaimEvent } from '../src/expense/events.js';
import { ExpenseCategory, ReceiptMetadata } from '../src/expense/values.js';
import { ExpenseBudgetCommand } from '../src/expenseBudget/commands.js';
import { ExpenseBudgetEvent } from '../src/expenseBudget/events.js';
import { SalesOrderCommand } from '../src/salesOrder/commands.js';
import { SalesOrderEvent } from '../src/salesOrder/events.js';
import { enumerationTable, referenceTable, valueTable } from '../src/testing/codecReference.js';

const DOC = fileURLToPath(new URL('../../../docs/domain/product-to-cash.md', import.meta.url));
const START = '<!-- generated from the codecs: start -->';
const END = '<!-- generated from the codecs: end -->';

const AGGREGATES: readonly {
  readonly title: string;
  readonly stream: string;
  readonly commands: t.Mixed;
  readonly events: t.Mixed;
}[] = [
  {
    title: 'Product',
    stream: 'Product-<productId>',
    commands: ProductCommand,
    events: ProductEvent,
  },
  {
    title: 'Price list',
    stream: 'PriceList-<priceListId>',
    commands: PriceListCommand,
    events: PriceListEvent,
  },
  { title: 'Quote', stream: 'Quote-<quoteId>', commands: QuoteCommand, events: QuoteEvent },
  {
    title: 'Sales order',
    stream: 'SalesOrder-<orderId>',
    commands: SalesOrderCommand,
    events: SalesOrderEvent,
  },
  {
    title: 'Contract',
    stream: 'Contract-<contractId>',
    commands: ContractCommand,
    events: ContractEvent,
  },
  {
    title: 'Expense claim',
    stream: 'ExpenseClaim-<claimId>',
    commands: ExpenseClaimCommand,
    events: ExpenseClaimEvent,
  },
  {
    title: 'Expense budget',
    stream: 'ExpenseBudget-<repId>',
    commands: ExpenseBudgetCommand,
    events: ExpenseBudgetEvent,
  },
];

/** Keyof codecs listed as unions of their literal keys, the shape the enumeration table reads. */
const asUnion = (codec: t.Mixed): t.UnionType<t.Mixed[]> =>
  ({
    name: codec.name,
    types: Object.keys((codec as unknown as { keys: object }).keys).map((value) => ({
      name: value,
      value,
    })),
  }) as unknown as t.UnionType<t.Mixed[]>;

const reference = (): string =>
  [
    `### Enumerations\n\n${enumerationTable([TaxClass, ProductBilling, BillingFrequency, ExpenseCategory].map(asUnion))}`,
    `### Value types\n\n${valueTable([TaxRates, PriceEntry, CatalogQuoteLine, PricedCatalogLine, SaleTotals, SubscriptionTerms, ReceiptMetadata])}`,
    ...AGGREGATES.map(({ title, stream, commands, events }) =>
      [
        `### ${title}`,
        '',
        `Stream: \`${stream}\`.`,
        '',
        '#### Commands',
        '',
        referenceTable(commands as t.UnionType<t.Mixed[]>, 'command'),
        '',
        '#### Events',
        '',
        referenceTable(events as t.UnionType<t.Mixed[]>, 'event'),
      ].join('\n'),
    ),
  ].join('\n\n');

describe('docs/domain/product-to-cash.md', () => {
  it('lists every command and event with the fields their codecs define', async () => {
    const doc = readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(START);
    const after = rest?.split(END)[1];
    expect(before !== undefined && after !== undefined, `markers ${START} / ${END} missing`).toBe(
      true,
    );
    const expected = await format(`${before}${START}\n\n${reference()}\n\n${END}${after}`, {
      ...(await resolveConfig(DOC)),
      parser: 'markdown',
    });
    // Regenerate with: UPDATE_DOCS=1 npx vitest run packages/domain/test/productToCashDocs.test.ts
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(doc).toBe(expected);
  });
});
