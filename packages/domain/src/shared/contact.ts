import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * The form two emails are compared in: trimmed and lower-cased (mailbox names are case-insensitive
 * in practice, and CRMs that compare them case-sensitively fill up with duplicates).
 */
export const normalizeEmail = (raw: string): E.Either<string, string> => {
  const email = raw.trim().toLowerCase();
  return EMAIL_PATTERN.test(email) ? E.right(email) : E.left('not an email address');
};

/**
 * A phone number in E.164 (`+` then 8 to 15 digits, no leading zero). Spaces, dashes, dots and
 * parentheses are dropped; a leading `00` is read as `+`. A number with no country code is refused
 * rather than guessed, because a wrong guess would merge two different people.
 */
export const normalizePhone = (raw: string): E.Either<string, string> => {
  const compact = raw.trim().replace(/[\s\-.()/]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+[1-9]\d{7,14}$/.test(international)
    ? E.right(international)
    : E.left('not a phone number in international form (E.164, e.g. +4930123456)');
};

const normalizingCodec = (
  name: string,
  normalize: (raw: string) => E.Either<string, string>,
): t.Type<string, string> =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => {
      if (typeof u !== 'string') return false;
      const normalized = normalize(u);
      return E.isRight(normalized) && normalized.right === u;
    },
    (u, context) => {
      if (typeof u !== 'string') return t.failure(u, context, `expected ${name}`);
      const normalized = normalize(u);
      return E.isRight(normalized)
        ? t.success(normalized.right)
        : t.failure(u, context, normalized.left);
    },
    (s) => s,
  );

/** Decodes an email address into its normalized form; a malformed one fails with the reason. */
export const EmailAddress = normalizingCodec('EmailAddress', normalizeEmail);
/** A normalized email address. */
export type EmailAddress = t.TypeOf<typeof EmailAddress>;

/** Decodes a phone number into E.164; one without a country code fails with the reason. */
export const PhoneNumber = normalizingCodec('PhoneNumber', normalizePhone);
/** A phone number in E.164. */
export type PhoneNumber = t.TypeOf<typeof PhoneNumber>;

/** A non-empty string after trimming: names, reasons, labels. */
export const NonEmptyText = new t.Type<string, string, unknown>(
  'NonEmptyText',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  (u, context) =>
    typeof u === 'string' && u.trim().length > 0
      ? t.success(u.trim())
      : t.failure(u, context, 'expected a non-empty text'),
  (s) => s,
);
/** A non-empty string. */
export type NonEmptyText = t.TypeOf<typeof NonEmptyText>;
