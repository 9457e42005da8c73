import * as E from 'fp-ts/lib/Either.js';
import type { CsvChunks } from './decodeCsvText.js';
import { CsvFormatError } from './csvFormatError.js';
import type { CsvReadOptions } from './readCsvRecords.js';
import { readCsvRecords } from './readCsvRecords.js';

/** What a well-formed CSV file holds: its column names and how many data rows. */
export interface CsvShape {
  readonly columns: readonly string[];
  readonly rows: number;
}

/**
 * Reads a whole CSV file without keeping it, to learn before an import writes anything whether
 * every row can be read: the first problem is returned, and an empty file or one with no rows
 * after its header is refused too. Faults of the machine (a failing disk) still reject.
 */
export const checkCsv = async (
  chunks: CsvChunks,
  options: Omit<CsvReadOptions, 'onHeader'> = {},
): Promise<E.Either<CsvFormatError, CsvShape>> => {
  let columns: readonly string[] | undefined;
  let rows = 0;
  try {
    for await (const _record of readCsvRecords(chunks, {
      ...options,
      onHeader: (names) => {
        columns = names;
      },
    }))
      rows += 1;
  } catch (error) {
    if (error instanceof CsvFormatError) return E.left(error);
    throw error;
  }
  if (columns === undefined) return E.left(new CsvFormatError('empty', 'the file is empty'));
  if (rows === 0)
    return E.left(
      new CsvFormatError('noRows', 'the file has a header line and no rows after it', 1),
    );
  return E.right({ columns, rows });
};
