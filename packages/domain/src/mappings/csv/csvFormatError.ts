/** Why a file could not be read as CSV. */
export type CsvFormatProblem =
  /** The bytes are not valid in the file's encoding (UTF-8 unless another was named). */
  | 'invalidEncoding'
  /** The encoding named for the file is not one the decoder knows. */
  | 'unknownEncoding'
  /** A NUL character: a binary file (a spreadsheet, an archive), not text. */
  | 'binary'
  /** Nothing but whitespace. */
  | 'empty'
  /** A header line and no data rows. */
  | 'noRows'
  /** A quote where RFC 4180 allows none, or a quoted field that is never closed. */
  | 'quote'
  /** A row with more or fewer fields than the header. */
  | 'fieldCount';

/**
 * A file that is not well-formed CSV, with the 1-based line (and, for quote and field-count
 * problems, the 1-based column) where the reading stopped. Imports check a whole file before they
 * write anything, so meeting one of these while importing means the file changed underneath.
 */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';

  constructor(
    readonly problem: CsvFormatProblem,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}
