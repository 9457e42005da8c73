/** The field delimiters a CSV file may use. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
/** A field delimiter: comma, semicolon or tab. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The delimiter a header line uses: whichever of comma, semicolon and tab it holds most often
 * outside quotes (a comma for a single-column file). Spreadsheets in many European locales save
 * "CSV" with semicolons, and some exports use tabs.
 */
export const detectDelimiter = (headerLine: string): CsvDelimiter => {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of CSV_DELIMITERS)
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
};

/** A delimiter given by name or as the character: `,` `;` `tab` (or a tab character). */
export const parseDelimiter = (given: string): CsvDelimiter | undefined => {
  const named: Readonly<Record<string, CsvDelimiter>> = {
    ',': ',',
    comma: ',',
    ';': ';',
    semicolon: ';',
    '\t': '\t',
    tab: '\t',
    '\\t': '\t',
  };
  return named[given.toLowerCase()];
};
