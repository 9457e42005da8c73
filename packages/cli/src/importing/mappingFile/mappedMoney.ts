import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/**
 * How a mapping file reads amounts: the decimal separator (the other of `.` and `,`, spaces and
 * apostrophes are thousands separators), the currency (a constant or a column) and how many minor
 * units the currency has (2 by default; 0 for JPY).
 */
export const MoneyReading = t.intersection(
  [
    t.type({ decimalSeparator: t.keyof({ '.': null, ',': null }) }),
    t.partial({
      currency: t.string,
      currencyColumn: t.string,
      minorUnits: t.refinement(
        t.number,
        (n) => Number.isInteger(n) && n >= 0 && n <= 4,
        'MinorUnits (0 to 4)',
      ),
    }),
  ],
  'MoneyReading',
);
/** How a mapping file reads amounts. */
export type MoneyReading = t.TypeOf<typeof MoneyReading>;

/**
 * Reads an amount exactly into minor units: `$1,234.5` with `.` as decimal separator and 2 minor
 * units is 123450. Currency symbols and codes around the number are dropped; an amount with more
 * decimals than the currency has is refused rather than rounded.
 */
export const readMinorUnits = (cell: string, reading: MoneyReading): E.Either<string, number> => {
  const decimal = reading.decimalSeparator;
  const separator = decimal === '.' ? "[,\\s'\u00a0\u202f]" : "[.\\s'\u00a0\u202f]";
  const number = cell.trim().replace(/^[^\d-]+|[^\d]+$/g, '');
  // Thousands separators only between groups of three digits: `1.2.3` is a mistake, not 123.
  const match = new RegExp(
    `^(-?)(\\d{1,3}(?:${separator}\\d{3})+|\\d+)(?:\\${decimal}(\\d*))?$`,
  ).exec(number);
  const minor = reading.minorUnits ?? 2;
  const wrong = (why: string) => E.left(`${why}, got ${JSON.stringify(cell)}`);
  if (match === null)
    return wrong(`expected an amount with "${decimal}" as decimal separator, thousands in threes`);
  const fraction = match[3] ?? '';
  if (fraction.length > minor) return wrong(`more than ${minor} decimals`);
  const digits = (match[2] ?? '').replace(/\D/g, '');
  const value = Number(`${match[1] ?? ''}${digits}${fraction.padEnd(minor, '0')}`);
  return Number.isSafeInteger(value) ? E.right(value) : wrong('too large an amount');
};
