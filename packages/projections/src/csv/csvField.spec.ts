import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula } from './csvField.js';

describe('CSV fields a spreadsheet opens as text', () => {
  it('prefixes a quote to text a spreadsheet would run as a formula', () => {
    for (const formula of ['=1+1', '+49 30 1234', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutralizeFormula(formula)).toBe(`'${formula}`);
    expect(neutralizeFormula('Acme = good')).toBe('Acme = good');
  });

  it('quotes a neutralized field that holds a quote, comma or line break', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('Acme, Inc')).toBe('"Acme, Inc"');
    expect(csvField('plain')).toBe('plain');
  });

  it('never leaves a field that starts with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const field = csvField(text).replace(/^"/, '');
        expect(/^[=+\-@\t\r]/.test(field)).toBe(false);
      }),
    );
  });
});
