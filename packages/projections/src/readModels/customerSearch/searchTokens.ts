import { createHmac } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { normalizeEmail, normalizePhone } from '@clientele/domain';

/** Which personal field a search token was taken from. */
export type SearchField = 'name' | 'email' | 'phone';

/**
 * The words of a name as they are compared: lower-cased, accents dropped, split on anything that
 * is not a letter or a digit, so "Acme GmbH", "ACME gmbh" and "Acmé" share the token `acme`.
 */
const nameWords = (name: string): string[] =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/**
 * The normalized tokens of one personal value: the words of a name, or the whole email or phone
 * number in the form the duplicate check compares (an unparseable one yields nothing).
 */
export const searchTerms = (field: SearchField, value: string): string[] => {
  if (field === 'name') return nameWords(value);
  const normalized = field === 'email' ? normalizeEmail(value) : normalizePhone(value);
  return E.isRight(normalized) ? [normalized.right] : [];
};

/**
 * A blind token: HMAC-SHA-256 under the tenant's secret of the field and the normalized term, as
 * the duplicate-check keys are made, under a purpose of its own so a search token never equals a
 * reservation key. Without the tenant key nobody can test a guessed name against the index.
 */
export const blindToken = (tenantKey: string | Uint8Array, field: SearchField, term: string) =>
  createHmac('sha256', tenantKey).update(`search:${field}:${term}`).digest('hex');

/** The blind tokens of one personal value. */
export const blindTokens = (
  tenantKey: string | Uint8Array,
  field: SearchField,
  value: string,
): string[] => searchTerms(field, value).map((term) => blindToken(tenantKey, field, term));

/**
 * What a searcher typed, as the fields it could mean: an email if it has an `@`, a phone number if
 * it reads as one, a name otherwise. Each query term must match for a customer to be found.
 */
export const queryTokens = (tenantKey: string | Uint8Array, query: string): string[] => {
  if (query.includes('@')) return blindTokens(tenantKey, 'email', query);
  const phone = blindTokens(tenantKey, 'phone', query);
  return phone.length > 0 ? phone : blindTokens(tenantKey, 'name', query);
};
