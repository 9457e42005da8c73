import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { DateOnly } from '../shared/dates.js';
import { CurrencyCode } from '../shared/money.js';
import { NoticeDays, PricedCatalogLine, SaleTotals, SubscriptionTerms } from '../quote/values.js';

const command = commandCodecFor('contractId');

/** Start a subscription contract, usually from an accepted subscription quote. */
export const StartContract = command(
  'StartContract',
  {
    customerId: t.string,
    ownerId: t.string,
    currency: CurrencyCode,
    terms: SubscriptionTerms,
    /** What one term of the contract costs, line by line. */
    lines: t.readonlyArray(PricedCatalogLine),
    totals: SaleTotals,
  },
  { quoteId: t.string, opportunityId: t.string },
);
/** Change the lines, renewal or notice of a running contract, from a day on. */
export const AmendContract = command(
  'AmendContract',
  { amendedOn: DateOnly, lines: t.readonlyArray(PricedCatalogLine), totals: SaleTotals },
  { autoRenew: t.boolean, noticeDays: NoticeDays },
);
/** Renew the contract for another term, starting the day after the current one ends. */
export const RenewContract = command('RenewContract', { renewedOn: DateOnly }, {});
/** The customer gives notice: the contract ends with the term the notice period allows. */
export const GiveContractNotice = command(
  'GiveContractNotice',
  { noticeGivenOn: DateOnly },
  { reason: t.string },
);
/** The contract's last term is over and it is not renewed. */
export const EndContract = command('EndContract', { today: DateOnly }, {});

/** Every command of the Contract aggregate. */
export const ContractCommand = t.union(
  [StartContract, AmendContract, RenewContract, GiveContractNotice, EndContract],
  'ContractCommand',
);
/** Every command of the Contract aggregate. */
export type ContractCommand = t.TypeOf<typeof ContractCommand>;
/** A Contract command as code writes it, in plain strings and numbers. */
export type ContractCommandInput = t.OutputOf<typeof ContractCommand>;
