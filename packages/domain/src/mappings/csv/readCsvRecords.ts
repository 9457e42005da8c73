import { Readable, pipeline } from 'node:stream';
import type { CsvError, Options } from 'csv-parse';
import { parse } from 'csv-parse';
import type { CsvChunks } from './decodeCsvText.js';
import { decodeCsvText } from './decodeCsvText.js';
import { CsvFormatError } from './csvFormatError.js';
import { createCsvLineCounter } from './csvLines.js';
import type { CsvDelimiter } from './detectDelimiter.js';
import { detectDelimiter } from './detectDelimiter.js';

/** How to read a CSV file; by default UTF-8, with the delimiter its header line uses. */
export interface CsvReadOptions {
  readonly delimiter?: CsvDelimiter | undefined;
  /** Any encoding iconv-lite knows (`latin1`, `windows-1252`, `utf-16le`); default UTF-8. */
  readonly encoding?: string | undefined;
  /** Told the header's column names before the first record. */
  readonly onHeader?: (columns: readonly string[]) => void;
}

/** A CSV data row keyed by its header's column names (the first of a repeated name wins). */
export interface CsvRecord {
  /** The 1-based line of the file where the row starts. */
  readonly lineNumber: number;
  readonly values: Readonly<Record<string, string>>;
}

/** The text with its header line known before parsing starts, for detecting the delimiter. */
const headerFirst = async (text: AsyncIterable<string>) => {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n')) {
    const next = await iterator.next();
    if (next.done === true) break;
    head += next.value;
  }
  const rest = async function* () {
    yield head;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next())
      yield next.value;
  };
  return { headerLine: head.split('\n', 1)[0] ?? '', text: rest() };
};

interface ParsedRecord {
  readonly record: readonly string[];
  readonly lineNumber: number;
}

const isCsvError = (error: unknown): error is CsvError =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

/** The parser's error as a message a person can act on, naming line and column. */
const formatError = (
  error: CsvError,
  line: number,
  header: readonly string[] | undefined,
): CsvFormatError => {
  const column = typeof error.column === 'number' ? error.column + 1 : undefined;
  const named =
    column === undefined || header === undefined ? '' : ` (${header[column - 1] ?? '?'})`;
  const place = column === undefined ? `line ${line}` : `line ${line}, column ${column}${named}`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvFormatError(
        'quote',
        `line ${line}: a quoted field opens here and is never closed (the file ends inside quotes)`,
        line,
      );
    case 'INVALID_OPENING_QUOTE':
      return new CsvFormatError(
        'quote',
        `${place}: a quote inside an unquoted field; quote the whole field and double the quotes in it ("5"" screen")`,
        line,
        column,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvFormatError(
        'quote',
        `${place}: a closing quote must be followed by a delimiter or the end of the line; double a quote inside a quoted field`,
        line,
        column,
      );
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return new CsvFormatError(
        'fieldCount',
        `line ${line} has ${Array.isArray(error.record) ? error.record.length : '?'} fields, the header has ${header?.length ?? '?'}; is a field with a delimiter in it unquoted?`,
        line,
      );
    default:
      return new CsvFormatError('quote', `line ${line}: ${error.message}`, line);
  }
};

/**
 * Reads a CSV file with a header line into records keyed by column name, streaming, with
 * csv-parse under RFC 4180's rules: fields quoted with `"`, quotes doubled inside them, CRLF or
 * LF line ends, every row as wide as the header. Blank lines are skipped. Anything else stops the
 * reading with a {@link CsvFormatError} naming the line: a stray or unclosed quote, a row of the
 * wrong width, invalid UTF-8, a binary file. A row is never merged into another or cut short.
 * An empty file, or one with only a header, yields nothing: {@link checkCsv} refuses those.
 */
export async function* readCsvRecords(
  chunks: CsvChunks,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const { headerLine, text } = await headerFirst(decodeCsvText(chunks, options.encoding));
  const lines = createCsvLineCounter();
  const fed = async function* () {
    for await (const piece of text) {
      lines.feed(piece);
      yield piece;
    }
  };
  let header: readonly string[] | undefined;
  const parsing: Options<ParsedRecord, string[]> = {
    delimiter: options.delimiter ?? detectDelimiter(headerLine),
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n'],
    // Called as each record is parsed, before the loop below sees it: so when parsing fails,
    // the line counter has passed every record before the bad one.
    on_record: (record, context) => {
      header ??= record;
      return { record, lineNumber: lines.recordEndingAt(context.bytes) };
    },
  };
  // The overloads type what on_record returns only for records keyed by column; ours are arrays.
  const parser = parse(parsing as unknown as Options);
  // Errors of the decoding reach the parser, and so the loop below.
  pipeline(Readable.from(fed()), parser, () => undefined);
  let headerSeen = false;
  try {
    for await (const { record, lineNumber } of parser as AsyncIterable<ParsedRecord>) {
      if (!headerSeen || header === undefined) {
        headerSeen = true;
        options.onHeader?.(record);
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((name, index) => {
        if (!(name in values)) values[name] = record[index] ?? '';
      });
      yield { lineNumber, values };
    }
  } catch (error) {
    if (error instanceof CsvFormatError || !isCsvError(error)) throw error;
    throw formatError(error, lines.unfinishedRecordStart(), header);
  }
}
