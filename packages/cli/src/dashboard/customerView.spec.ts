import { describe, expect, it } from 'vitest';
import { asOfInstant } from './customerView.js';

describe('the moment a customer page is shown as of', () => {
  it('reads a day as the end of that day, in UTC', () => {
    expect(asOfInstant('2026-03-03')).toBe('2026-03-03T23:59:59.999Z');
  });

  it('reads a date and time without an offset as UTC, as the control says', () => {
    expect(asOfInstant('2026-03-03T12:30')).toBe('2026-03-03T12:30:00.000Z');
    expect(asOfInstant('2026-03-03T12:30:15')).toBe('2026-03-03T12:30:15.000Z');
  });

  it('keeps an instant with an offset', () => {
    expect(asOfInstant('2026-03-03T12:30:00+02:00')).toBe('2026-03-03T10:30:00.000Z');
  });

  it('refuses what is not a moment', () => {
    expect(asOfInstant('yesterday')).toBeUndefined();
    expect(asOfInstant('2026-13-45')).toBeUndefined();
  });
});
