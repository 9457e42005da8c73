import * as t from 'io-ts';

/**
 * Turns io-ts validation errors into readable lines naming the field path and the reason, e.g.
 * `amount.amountMinor: expected NonNegativeInteger, got -5`.
 */
export const formatValidationErrors = (errors: t.Errors): string[] =>
  errors.map((error) => {
    const path = fieldPath(error.context);
    const expected = error.context[error.context.length - 1]?.type.name ?? 'a valid value';
    const reason = error.message ?? `expected ${expected}`;
    return `${path === '' ? '(root)' : path}: ${reason}, got ${describeValue(error.value)}`;
  });

/** The dotted path of a failing value; the member indexes io-ts adds for unions are not fields. */
const fieldPath = (context: t.Context): string => {
  const keys: string[] = [];
  for (let i = 1; i < context.length; i += 1) {
    const parent = context[i - 1]?.type;
    if (parent instanceof t.UnionType || parent instanceof t.IntersectionType) continue;
    const key = context[i]?.key;
    if (key !== undefined && key !== '') keys.push(key);
  }
  return keys.join('.');
};

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** A failed decode at a boundary: where it came from and every field that is wrong. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  /** One line per failing field: `path: reason, got value`. */
  readonly problems: readonly string[];

  constructor(what: string, errors: t.Errors) {
    const problems = formatValidationErrors(errors);
    super(`${what} is not valid: ${problems.join('; ')}`);
    this.problems = problems;
  }
}
