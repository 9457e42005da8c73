import * as t from 'io-ts';
import { commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';
import { CurrencyCode, NonNegativeMoney } from '../shared/money.js';
import { TaxRates } from './values.js';

const command = commandCodecFor('priceListId');

/** Open a price list for one currency and customer segment, with the tax rates where it sells. */
export const CreatePriceList = command(
  'CreatePriceList',
  { name: NonEmptyText, currency: CurrencyCode, segment: NonEmptyText, taxRates: TaxRates },
  {},
);
/** Set a product's unit price from a day on; earlier quotes keep the price of their date. */
export const SetProductPrice = command(
  'SetProductPrice',
  { productId: t.string, unitPrice: NonNegativeMoney, effectiveFrom: DateOnly },
  {},
);

/** Every command of the PriceList aggregate. */
export const PriceListCommand = t.union([CreatePriceList, SetProductPrice], 'PriceListCommand');
/** Every command of the PriceList aggregate. */
export type PriceListCommand = t.TypeOf<typeof PriceListCommand>;
/** A PriceList command as code writes it, in plain strings and numbers. */
export type PriceListCommandInput = t.OutputOf<typeof PriceListCommand>;
