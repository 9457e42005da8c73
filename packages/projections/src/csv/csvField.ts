/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return,
 * smuggle one past the first character), per OWASP's guidance on CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text made safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, so the spreadsheet shows it as text instead of running
 * it (`=HYPERLINK(…)` stays words). Every CSV Clientele writes goes through this.
 */
export const neutralizeFormula = (text: string): string =>
  FORMULA_START.test(text) ? `'${text}` : text;

/**
 * One CSV field: neutralized against formulas, then quoted by RFC 4180 when it holds a quote,
 * a comma or a line break (quotes doubled).
 */
export const csvField = (text: string): string => {
  const safe = neutralizeFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};
