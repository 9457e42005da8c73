import * as E from 'fp-ts/lib/Either.js';
import type { NonNegativeMoney as Money } from '../shared/money.js';
import type { Money as SignedMoney } from '../shared/money.js';
import { money as signedMoney } from '../shared/money.js';
import type { InvoiceCommand } from './commands.js';
import type { InvoiceError } from './errors.js';
import type { InvoiceEvent } from './events.js';
import { applyBps } from '../shared/basisPoints.js';
import { nonNegativeMoney as money } from '../shared/money.js';

type IssueInvoice = Extract<InvoiceCommand, { kind: 'IssueInvoice' }>;

/** Subtotal and tax of an invoice billing sale lines: their sums, which must make its total. */
const saleLineAmounts = (
  command: IssueInvoice,
  total: Money,
): E.Either<InvoiceError, { subtotal: Money; tax: Money; total: Money }> => {
  const lines = command.saleLines ?? [];
  const sum = (pick: (line: (typeof lines)[number]) => SignedMoney) =>
    lines.reduce((amount, line) => amount + pick(line).amountMinor, 0);
  const [net, tax, billed] = [sum((l) => l.net), sum((l) => l.tax), sum((l) => l.total)];
  const foreign = lines.some((line) =>
    [line.net, line.tax, line.total].some((amount) => amount.currency !== total.currency),
  );
  if (foreign || billed !== total.amountMinor || net + tax !== billed || net < 0 || tax < 0) {
    return E.left({ kind: 'InvoiceSaleLinesMismatch', invoiceId: command.invoiceId });
  }
  return E.right({ subtotal: money(net, total.currency), tax: money(tax, total.currency), total });
};

/** Subtotal, tax and total of an invoice: from its lines and tax rate, or its given total. */
export const invoiceAmounts = (
  command: IssueInvoice,
): E.Either<InvoiceError, { subtotal: Money; tax: Money; total: Money }> => {
  const { currency, lines, total } = command;
  if ((lines === undefined) === (total === undefined)) {
    return E.left({ kind: 'InvoiceAmountUnclear', invoiceId: command.invoiceId });
  }
  if (total !== undefined) {
    if (total.currency !== currency) {
      return E.left({ kind: 'CurrencyMismatch', expected: currency, actual: total.currency });
    }
    return command.saleLines === undefined
      ? E.right({ subtotal: total, tax: money(0, currency), total })
      : saleLineAmounts(command, total);
  }
  let subtotal = 0;
  for (const line of lines ?? []) {
    if (line.unitPrice.currency !== currency) {
      return E.left({
        kind: 'CurrencyMismatch',
        expected: currency,
        actual: line.unitPrice.currency,
      });
    }
    subtotal += line.quantity * line.unitPrice.amountMinor;
  }
  // Tax is rounded once on the sum of the lines, half to even, never per line.
  const tax = applyBps(subtotal, command.taxRateBps ?? 0);
  return E.right({
    subtotal: money(subtotal, currency),
    tax: money(tax, currency),
    total: money(subtotal + tax, currency),
  });
};

/**
 * The credit policy: the customer's outstanding balance plus this invoice may not pass the credit
 * limit. Under `block` the invoice is refused; under `warn` it is issued with a warning recorded.
 */
export const checkCredit = (
  command: IssueInvoice,
  total: Money,
): E.Either<InvoiceError, { creditLimit: Money; outstandingAfter: SignedMoney } | undefined> => {
  const check = command.creditCheck;
  if (check === undefined) return E.right(undefined);
  for (const amount of [check.creditLimit, check.outstanding]) {
    if (amount.currency !== total.currency) {
      return E.left({
        kind: 'CurrencyMismatch',
        expected: total.currency,
        actual: amount.currency,
      });
    }
  }
  const outstandingAfter = signedMoney(
    check.outstanding.amountMinor + total.amountMinor,
    total.currency,
  );
  if (outstandingAfter.amountMinor <= check.creditLimit.amountMinor) return E.right(undefined);
  const facts = { creditLimit: check.creditLimit, outstandingAfter };
  return check.policy === 'block'
    ? E.left({ kind: 'CreditLimitExceeded', customerId: command.customerId, ...facts })
    : E.right(facts);
};

/** Decides the issue of a new invoice. */
export const decideIssue = (command: IssueInvoice): E.Either<InvoiceError, InvoiceEvent[]> => {
  if (command.dueOn < command.issuedOn) {
    return E.left({ kind: 'DueBeforeIssue', issuedOn: command.issuedOn, dueOn: command.dueOn });
  }
  const amounts = invoiceAmounts(command);
  if (E.isLeft(amounts)) return amounts;
  const credit = checkCredit(command, amounts.right.total);
  if (E.isLeft(credit)) return credit;
  const { kind: _, currency: _currency, creditCheck: _check, total: _total, ...given } = command;
  const { opportunityId, salesRepId, labels, ...rest } = given;
  return E.right([
    {
      type: 'InvoiceIssued',
      data: {
        ...rest,
        ...amounts.right,
        labels: labels ?? [],
        opportunityId: opportunityId ?? null,
        salesRepId: salesRepId ?? null,
        ...(credit.right === undefined ? {} : { creditWarning: credit.right }),
      },
    },
  ]);
};
