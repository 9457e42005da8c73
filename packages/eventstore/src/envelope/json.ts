import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/**
 * The one rule for bigints in JSON: they are written as decimal strings (`"9007199254740993"`), so
 * no value is silently rounded past 2^53. This codec reads such a string back as a bigint.
 */
export const BigIntFromString = new t.Type<bigint, string, unknown>(
  'BigIntFromString',
  (u): u is bigint => typeof u === 'bigint',
  (u, c) =>
    typeof u === 'string' && /^-?(0|[1-9][0-9]*)$/.test(u)
      ? t.success(BigInt(u))
      : t.failure(u, c, 'expected a decimal integer string'),
  (b) => b.toString(),
);

/** `JSON.stringify` that writes bigints as decimal strings, following {@link BigIntFromString}. */
export const stringifyJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** `JSON.parse` as a value: a syntax error becomes a `Left` with the parser's message. */
export const parseJson = (text: string): E.Either<string, unknown> =>
  E.tryCatch(
    () => JSON.parse(text) as unknown,
    (error) => (error instanceof Error ? error.message : String(error)),
  );
