import * as t from 'io-ts';
import { divideHalfEven } from './rounding.js';

/** Brand of {@link BasisPoints}. */
export interface BasisPointsBrand {
  readonly BasisPoints: unique symbol;
}
/**
 * A rate in basis points (1 bp = 0.01 %, 10,000 bp = 100 %), a whole number from 0: commission
 * and tax rates, attainment thresholds, multipliers (which may pass 100 %).
 */
export const BasisPoints = t.brand(
  t.number,
  (n): n is t.Branded<number, BasisPointsBrand> => Number.isSafeInteger(n) && n >= 0,
  'BasisPoints',
);
/** A whole number of basis points from 0. */
export type BasisPoints = t.TypeOf<typeof BasisPoints>;

/**
 * Basis points of a whole, from 0 to 10,000 (0 % to 100 %): probabilities, discounts. The same
 * brand as {@link BasisPoints}, refined to at most one whole.
 */
export const FractionBps = t.refinement(BasisPoints, (n) => n <= 10_000, 'FractionBps');
/** Basis points from 0 to 10,000. */
export type FractionBps = t.TypeOf<typeof FractionBps>;

/** One whole in basis points. */
export const WHOLE_BPS = 10_000n;

/** `amountMinor × bps / 10,000`, rounded half to even to a whole minor unit. */
export const applyBps = (amountMinor: number, bps: number): number =>
  Number(divideHalfEven(BigInt(amountMinor) * BigInt(bps), WHOLE_BPS));
