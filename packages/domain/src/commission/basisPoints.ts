import * as t from 'io-ts';

/** Brand of {@link RateBps}. */
export interface RateBpsBrand {
  readonly RateBps: unique symbol;
}
/** A rate in basis points (1 bp = 0.01 %, 10,000 bp = 100 %), a whole number from 0. */
export const RateBps = t.brand(
  t.number,
  (n): n is t.Branded<number, RateBpsBrand> => Number.isSafeInteger(n) && n >= 0,
  'RateBps',
);
/** A rate in basis points. */
export type RateBps = t.TypeOf<typeof RateBps>;

/** One in basis points. */
export const WHOLE_BPS = 10_000n;

/**
 * `numerator / denominator` rounded to a whole number, half to even (banker's rounding): 2.5 → 2,
 * 3.5 → 4, −2.5 → −2. It is the one rounding rule of money in Clientele, applied once at the end
 * of an exact computation so no rounding error accumulates.
 */
export const divideHalfEven = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator === 0n) throw new RangeError('division by zero');
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  const roundUp = twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n);
  return sign * (roundUp ? quotient + 1n : quotient);
};

/** `amountMinor × bps / 10,000`, rounded half to even to a whole minor unit. */
export const applyBps = (amountMinor: number, bps: number): number =>
  Number(divideHalfEven(BigInt(amountMinor) * BigInt(bps), WHOLE_BPS));
