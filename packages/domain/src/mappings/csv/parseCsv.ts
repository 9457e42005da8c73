/** One data line of a CSV file: its 1-based line number in the file and its fields. */
export interface CsvLine {
  readonly lineNumber: number;
  readonly fields: readonly string[];
}

/**
 * Parses CSV text (RFC 4180: commas, double-quoted fields with `""` escapes, LF or CRLF line ends)
 * as it streams in, yielding one line at a time so a large file is never held whole. A quoted
 * field may span lines; the line number is where its record starts. Empty lines are skipped.
 */
export async function* parseCsv(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<CsvLine> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let pendingCr = false;
  const endRecord = function* (): Generator<CsvLine> {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !afterQuote)) {
      yield { lineNumber: recordLine, fields };
    }
    fields = [];
    field = '';
    afterQuote = false;
  };
  for await (const chunk of chunks) {
    for (const char of chunk) {
      if (pendingCr) {
        pendingCr = false;
        if (char === '\n') continue;
      }
      if (quoted) {
        if (char === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (char === '\n') line += 1;
          field += char;
        }
        continue;
      }
      if (char === '"') {
        // A quote right after a closing quote is an escaped quote inside the field.
        if (afterQuote) field += '"';
        quoted = true;
      } else if (char === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (char === '\n' || char === '\r') {
        pendingCr = char === '\r';
        yield* endRecord();
        line += 1;
        recordLine = line;
      } else field += char;
    }
  }
  if (quoted) throw new SyntaxError(`CSV ends inside a quoted field opened on line ${recordLine}`);
  if (field !== '' || fields.length > 0) yield* endRecord();
}

/** A CSV data row keyed by its header's column names (the first of a repeated name wins). */
export interface CsvRecord {
  readonly lineNumber: number;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Reads a CSV with a header line into records keyed by column name. A row whose field count
 * differs from the header's is still yielded; its missing columns are simply absent, so the row
 * codec reports them by name.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<CsvRecord> {
  let header: readonly string[] | undefined;
  for await (const { lineNumber, fields } of parseCsv(chunks)) {
    if (header === undefined) {
      header = fields.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name));
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      const value = fields[index];
      if (!(name in values) && value !== undefined) values[name] = value;
    });
    yield { lineNumber, values };
  }
}
