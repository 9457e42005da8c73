/**
 * `numerator / denominator` rounded to a whole number, half to even (banker's rounding): 2.5 → 2,
 * 3.5 → 4, −2.5 → −2, −3.5 → −4. The one rounding rule of money in Clientele, applied once at the
 * end of an exact computation so no rounding error accumulates. The sign follows the operands
 * (either may be negative); a zero denominator is a programming fault and throws a `RangeError`.
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
