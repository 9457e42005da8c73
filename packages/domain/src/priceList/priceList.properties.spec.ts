import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import type { PriceListCommand } from './commands.js';
import { priceListDecider } from './decide.js';
import { PriceListEvent } from './events.js';
import { PriceListStateCodec } from './stateCodec.js';

const create = fc.constant({
  kind: 'CreatePriceList',
  priceListId: 'eu-smb',
  name: 'EU small business',
  currency: 'EUR',
  segment: 'smb',
  taxRates: { standard: 2_000, reduced: 1_000, zero: 0, exempt: 0 },
} as unknown as PriceListCommand);
// Few products and days, so prices replace each other on the same first day as often as not.
const setPrice = fc
  .record({
    product: fc.integer({ min: 0, max: 2 }),
    amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
    d: fc.integer({ min: 1, max: 6 }),
  })
  .map(
    ({ product, amountMinor, d }) =>
      ({
        kind: 'SetProductPrice',
        priceListId: 'eu-smb',
        productId: `p${String(product)}`,
        unitPrice: { amountMinor, currency: 'EUR' },
        effectiveFrom: `2026-03-0${String(d)}`,
      }) as unknown as PriceListCommand,
  );

describe('price list properties', () => {
  it('a snapshot taken anywhere in a price list history, plus the events after it, equals the full replay', () => {
    assertReplayDeterminism(priceListDecider, PriceListEvent, startingWith(create, setPrice), {
      numRuns: 100,
      stateCodec: PriceListStateCodec,
    });
  });
});
