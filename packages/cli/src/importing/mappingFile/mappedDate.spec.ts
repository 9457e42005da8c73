import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { readDate } from './mappedDate.js';

describe('reading dates with a mapping file', () => {
  it('reads day-first and month-first dates as the format says', () => {
    const utc = 'UTC';
    expect(readDate('03/04/2024', { format: 'DD/MM/YYYY', timeZone: utc })).toEqual(
      E.right({ day: '2024-04-03', instant: '2024-04-03T00:00:00.000Z' }),
    );
    expect(readDate('3/4/2024', { format: 'MM/DD/YYYY', timeZone: utc })).toEqual(
      E.right({ day: '2024-03-04', instant: '2024-03-04T00:00:00.000Z' }),
    );
  });

  it('takes a time as local to the time zone, on either side of a daylight-saving change', () => {
    const berlin = { format: 'YYYY-MM-DD HH:mm', timeZone: 'Europe/Berlin' };
    expect(readDate('2024-03-30 12:00', berlin)).toEqual(
      E.right({ day: '2024-03-30', instant: '2024-03-30T11:00:00.000Z' }),
    );
    expect(readDate('2024-03-31 12:00', berlin)).toEqual(
      E.right({ day: '2024-03-31', instant: '2024-03-31T10:00:00.000Z' }),
    );
  });

  it('refuses a day that does not exist and a date in another format, naming the format', () => {
    const format = { format: 'DD/MM/YYYY', timeZone: 'UTC' };
    expect(readDate('31/02/2024', format)).toEqual(
      E.left('expected a date DD/MM/YYYY, got "31/02/2024"'),
    );
    expect(E.isLeft(readDate('2024-02-01', format))).toBe(true);
    expect(E.isLeft(readDate('12/31/2024', format))).toBe(true);
  });
});
