import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** An IANA time zone the runtime knows (`Europe/Berlin`, `UTC`). */
export const TimeZone = t.refinement(
  t.string,
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  'TimeZone (an IANA name such as Europe/Berlin)',
);

/**
 * A date format made of `YYYY`, `MM`, `DD` and optionally `HH`, `mm`, `ss`, with any other
 * characters taken literally: `DD/MM/YYYY`, `MM/DD/YYYY HH:mm`, `YYYY-MM-DD`.
 */
export const DateFormat = t.refinement(
  t.string,
  (format) => ['YYYY', 'MM', 'DD'].every((token) => format.includes(token)),
  'DateFormat (with YYYY, MM and DD, e.g. DD/MM/YYYY)',
);

/** How a mapping file reads dates: their format and the time zone their times are local to. */
export interface DateReading {
  readonly format: string;
  readonly timeZone: string;
}

/** A cell read as a date: its day, and the instant it stands for in the reading's time zone. */
export interface ReadDate {
  readonly day: string;
  readonly instant: string;
}

const TOKENS = /YYYY|MM|DD|HH|mm|ss/g;

/** The offset of `timeZone` from UTC at an instant, in milliseconds. */
const offsetAt = (utcMillis: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMillis));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return local - utcMillis;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads a cell with the mapping's date format. Day and month may have one or two digits; a day
 * that does not exist (31/02) is refused rather than rolled over. A time without a time zone is
 * local to the reading's zone, so the instant is that local time in UTC.
 */
export const readDate = (cell: string, reading: DateReading): E.Either<string, ReadDate> => {
  const tokens: string[] = [];
  const pattern = reading.format
    .split(TOKENS)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = reading.format.match(TOKENS) ?? [];
  let source = pattern[0] ?? '';
  found.forEach((token, index) => {
    tokens.push(token);
    source += (token === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})') + (pattern[index + 1] ?? '');
  });
  const match = new RegExp(`^${source}$`).exec(cell.trim());
  const wrong = E.left(`expected a date ${reading.format}, got ${JSON.stringify(cell)}`);
  if (match === null) return wrong;
  const value = (token: string) => {
    const at = tokens.indexOf(token);
    return at < 0 ? 0 : Number(match[at + 1]);
  };
  const [year, month, day] = [value('YYYY'), value('MM'), value('DD')];
  const [hour, minute, second] = [value('HH'), value('mm'), value('ss')];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return wrong;
  // Twice, so a local time just after a daylight-saving change takes the offset then in force.
  const guess = local - offsetAt(local, reading.timeZone);
  const utc = local - offsetAt(guess, reading.timeZone);
  return E.right({
    day: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    instant: new Date(utc).toISOString(),
  });
};
