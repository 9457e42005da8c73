import * as E from 'fp-ts/lib/Either.js';
import type { AsOf } from '@clientele/eventstore';

/** Which moments of a timeline an audit shows. */
export interface AuditWindow {
  /** The history as known, or as effective, at a moment (`--as-of`, `--effective`). */
  readonly asOf?: AsOf;
  /** Only events from this instant on (`--since`). */
  readonly since?: string;
  /** Only events up to this instant (`--until`). */
  readonly until?: string;
  /** Which time `since` and `until` compare: when it was recorded (default) or when it happened. */
  readonly by: 'recordedAt' | 'occurredAt';
}

/** An ISO-8601 instant, or a day (YYYY-MM-DD) read as `endOfDay` or its start, UTC. */
const instant = (text: string, endOfDay: boolean): string | undefined => {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`
    : text;
  return Number.isNaN(Date.parse(value)) || !/T/.test(value)
    ? undefined
    : new Date(value).toISOString();
};

const INSTANT_HELP = 'an ISO-8601 instant (2026-03-03T12:00:00Z) or a day (2026-03-03)';

type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** The instant options, each with whether a day given alone means its end. */
const INSTANT_OPTIONS = [
  ['as-of', true],
  ['since', false],
  ['until', true],
] as const;

type InstantOption = (typeof INSTANT_OPTIONS)[number][0];

const textOf = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

/** The instants given to `--as-of`, `--since` and `--until`, or the first that is malformed. */
const readInstants = (
  values: OptionValues,
): E.Either<string, Partial<Record<InstantOption, string>>> => {
  const parsed: Partial<Record<InstantOption, string>> = {};
  for (const [name, endOfDay] of INSTANT_OPTIONS) {
    const given = textOf(values, name);
    if (given === undefined) continue;
    const at = instant(given, endOfDay);
    if (at === undefined) return E.left(`--${name} takes ${INSTANT_HELP}, not "${given}"`);
    parsed[name] = at;
  }
  return E.right(parsed);
};

/** The window of read instants: `--effective` makes them moments things happened. */
const windowOf = (
  { 'as-of': asOf, since, until }: Partial<Record<InstantOption, string>>,
  effective: boolean,
): AuditWindow => ({
  ...(asOf === undefined ? {} : { asOf: effective ? { effectiveAt: asOf } : { knownAt: asOf } }),
  ...(since === undefined ? {} : { since }),
  ...(until === undefined ? {} : { until }),
  by: effective ? 'occurredAt' : 'recordedAt',
});

/**
 * The window of `--as-of`, `--effective`, `--since` and `--until`, or why it is malformed:
 * `--effective` means nothing alone and is refused rather than ignored; `--since` after `--until`
 * would show nothing and is refused too.
 */
export const auditWindow = (values: OptionValues): E.Either<string, AuditWindow> => {
  const effective = values['effective'] === true;
  if (effective && INSTANT_OPTIONS.every(([name]) => textOf(values, name) === undefined))
    return E.left(
      '--effective says which "as of" --as-of, --since or --until mean: give one of them',
    );
  const parsed = readInstants(values);
  if (E.isLeft(parsed)) return parsed;
  const { since, until } = parsed.right;
  if (since !== undefined && until !== undefined && since > until)
    return E.left(
      `--since ${textOf(values, 'since') ?? ''} is after --until ${textOf(values, 'until') ?? ''}`,
    );
  return E.right(windowOf(parsed.right, effective));
};

/** Whether an event falls inside the window's `--since`/`--until`. */
export const insideWindow =
  (window: AuditWindow) =>
  (entry: { readonly recordedAt: string; readonly occurredAt: string }): boolean => {
    const at = new Date(entry[window.by]).toISOString();
    return (
      (window.since === undefined || at >= window.since) &&
      (window.until === undefined || at <= window.until)
    );
  };
