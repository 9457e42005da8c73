import * as E from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { EmailAddress, PhoneNumber, normalizeEmail, normalizePhone } from './contact.js';

describe('contact normalization', () => {
  it('compares emails trimmed and lower-cased', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toEqual(
      E.right('ada.lovelace@example.com'),
    );
    expect(E.isLeft(normalizeEmail('ada@localhost'))).toBe(true);
    expect(E.isLeft(normalizeEmail('not an email'))).toBe(true);
  });

  it('writes phones in E.164 and reads a leading 00 as +', () => {
    expect(normalizePhone('+49 (30) 123-456.78')).toEqual(E.right('+493012345678'));
    expect(normalizePhone('0086 138 0013 8000')).toEqual(E.right('+8613800138000'));
  });

  it('refuses a phone number without a country code instead of guessing one', () => {
    expect(E.isLeft(normalizePhone('030 1234567'))).toBe(true);
    expect(E.isLeft(normalizePhone('+0123456789'))).toBe(true);
  });

  it('decodes to the normalized form and names the reason when it cannot', () => {
    expect(EmailAddress.decode('Bob@Example.org')).toEqual(E.right('bob@example.org'));
    const bad = PhoneNumber.decode('12');
    expect(E.isLeft(bad) && formatValidationErrors(bad.left)[0]).toMatch(/E\.164/);
    expect(PhoneNumber.is('+4930123456')).toBe(true);
    expect(PhoneNumber.is('0049 30123456')).toBe(false);
  });
});
