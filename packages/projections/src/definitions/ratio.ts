import * as t from 'io-ts';

/**
 * A rate or ratio as reports return it: the exact numerator and denominator, and the value rounded
 * half-even to 4 decimal places. A zero denominator gives `value: null`, never 0 or infinity
 * (ROI with no recorded cost is null).
 */
export const Ratio = t.readonly(
  t.type({ numerator: t.number, denominator: t.number, value: t.union([t.number, t.null]) }),
  'Ratio',
);
/** A ratio with its parts and its rounded value. */
export type Ratio = t.TypeOf<typeof Ratio>;

const SCALE = 10_000n;

/** The integer quotient n / d rounded half to even (d > 0). */
export const roundHalfEven = (n: bigint, d: bigint): bigint => {
  const quotient = n / d; // truncates toward zero
  const remainder = n % d;
  if (remainder === 0n) return quotient;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  const away = n < 0n ? quotient - 1n : quotient + 1n;
  if (twice > d) return away;
  if (twice < d) return quotient;
  return quotient % 2n === 0n ? quotient : away;
};

/**
 * The ratio numerator ÷ denominator. Both must be whole numbers (counts, or money in minor units)
 * so the rounding is exact: it is done on bigints, with no binary floating-point step.
 */
export const ratio = (numerator: number, denominator: number): Ratio => {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`a ratio takes whole numbers, got ${numerator} / ${denominator}`);
  }
  if (denominator === 0) return { numerator, denominator, value: null };
  const sign = denominator < 0 ? -1n : 1n;
  const scaled = roundHalfEven(BigInt(numerator) * SCALE * sign, BigInt(denominator) * sign);
  return { numerator, denominator, value: Number(scaled) / Number(SCALE) };
};
