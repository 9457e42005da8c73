import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import type { ProductCommand } from './commands.js';
import { productDecider } from './decide.js';
import { ProductEvent } from './events.js';
import { ProductStateCodec } from './stateCodec.js';

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}` as never;
const define = fc.constantFrom('standard', 'reduced', 'zero').map(
  (taxClass) =>
    ({
      kind: 'DefineProduct',
      productId: 'p',
      sku: 'SEAT-STD',
      name: 'Seat',
      unit: 'seat',
      taxClass,
    }) as unknown as ProductCommand,
);
const lifecycle: fc.Arbitrary<ProductCommand> = fc.oneof(
  fc.integer({ min: 1, max: 28 }).map((d) => ({
    kind: 'RetireProduct' as const,
    productId: 'p',
    retiredOn: day(d),
  })),
  fc.integer({ min: 1, max: 28 }).map((d) => ({
    kind: 'ReactivateProduct' as const,
    productId: 'p',
    reactivatedOn: day(d),
  })),
  define,
);

describe('product properties', () => {
  it('a snapshot taken anywhere in a product history, plus the events after it, equals the full replay', () => {
    assertReplayDeterminism(productDecider, ProductEvent, startingWith(define, lifecycle), {
      numRuns: 100,
      minEvents: 2,
      mustReach: { ProductRetired: 0.5, ProductReactivated: 0.3 },
      stateCodec: ProductStateCodec,
    });
  });
});
