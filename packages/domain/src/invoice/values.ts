import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { Money, NonNegativeMoney } from '../shared/money.js';
import { personal } from '../shared/personalData.js';

/** Brand of {@link Quantity}. */
export interface QuantityBrand {
  readonly Quantity: unique symbol;
}
/** A whole, positive number of units on an invoice line. */
export const Quantity = t.brand(
  t.number,
  (n): n is t.Branded<number, QuantityBrand> => Number.isSafeInteger(n) && n > 0,
  'Quantity',
);

/** One line of an invoice: what was sold, how many, at what unit price. */
export const InvoiceLine = t.readonly(
  t.type({ description: NonEmptyText, quantity: Quantity, unitPrice: NonNegativeMoney }),
  'InvoiceLine',
);
/** One line of an invoice. */
export type InvoiceLine = t.TypeOf<typeof InvoiceLine>;

/**
 * A line of an invoice that bills (part of) an order or contract line: which line and product it
 * bills, and the exact net, tax and total it bills of it. Revenue per product is read from these.
 */
export const InvoiceSaleLine = t.readonly(
  t.type({
    source: t.keyof({ order: null, contract: null }),
    sourceId: t.string,
    lineId: t.string,
    productId: t.string,
    sku: t.string,
    productName: t.string,
    net: Money,
    tax: Money,
    total: Money,
  }),
  'InvoiceSaleLine',
);
/** A line of an invoice that bills an order or contract line. */
export type InvoiceSaleLine = t.TypeOf<typeof InvoiceSaleLine>;

/** Whether going over the credit limit only warns or blocks the invoice. */
export const CreditPolicy = t.keyof({ warn: null, block: null }, 'CreditPolicy');
/** Whether going over the credit limit only warns or blocks the invoice. */
export type CreditPolicy = t.TypeOf<typeof CreditPolicy>;

/**
 * What the credit check needs, looked up by the caller when the invoice is issued: the customer's
 * credit limit and their outstanding balance before this invoice.
 */
export const CreditCheck = t.readonly(
  t.type({ creditLimit: NonNegativeMoney, outstanding: Money, policy: CreditPolicy }),
  'CreditCheck',
);
/** The facts of a credit check. */
export type CreditCheck = t.TypeOf<typeof CreditCheck>;

const retained = { retainedAs: 'invoice' } as const;
/** The billing contact's personal fields, shared by the contact and its corrections. */
const BillingContactPersonalFields = {
  name: personal(NonEmptyText, retained),
  email: personal(t.string, retained),
  address: personal(t.string, retained),
};
/**
 * Who receives the invoice at the customer: personal data of that person, which tax law requires
 * to be kept with the invoice, so it is retained (its own key) when the person is forgotten.
 */
export const BillingContact = t.intersection(
  [
    t.type({ subjectId: t.string, name: BillingContactPersonalFields.name }),
    t.partial({
      email: BillingContactPersonalFields.email,
      address: BillingContactPersonalFields.address,
    }),
  ],
  'BillingContact',
);
/** Who receives the invoice at the customer. */
export type BillingContact = t.TypeOf<typeof BillingContact>;

/**
 * What a rectification changed about the billing contact: the contact's `subjectId` and only the
 * corrected fields, tagged and retained as the contact's own, so they are kept and erased with it.
 */
export const BillingContactCorrection = t.intersection(
  [t.type({ subjectId: t.string }), t.partial(BillingContactPersonalFields)],
  'BillingContactCorrection',
);
/** What a rectification changed about the billing contact. */
export type BillingContactCorrection = t.TypeOf<typeof BillingContactCorrection>;

/** What to do with a payment larger than what is still owed. */
export const OverpaymentHandling = t.keyof(
  { reject: null, hold_as_credit: null },
  'OverpaymentHandling',
);
/** What to do with a payment larger than what is still owed. */
export type OverpaymentHandling = t.TypeOf<typeof OverpaymentHandling>;
