import iconv from 'iconv-lite';
import { CsvFormatError } from './csvFormatError.js';
import { countLineFeeds } from './csvLines.js';

/** CSV input: text already decoded, or the file's bytes as they are read. */
export type CsvChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** The bytes at the end that start a character not yet finished (what a streaming decoder holds). */
const unfinishedTail = (bytes: Uint8Array): Uint8Array => {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.subarray(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
};

/**
 * The offset of the first byte that makes `bytes` invalid UTF-8. A streaming decoder keeps an
 * unfinished character for later instead of refusing it, so validity of prefixes only ever turns
 * from true to false once, and a binary search finds the turn.
 */
const firstInvalidUtf8Byte = (bytes: Uint8Array, carried: Uint8Array): number => {
  const validPrefix = (length: number) => {
    try {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      decoder.decode(carried, { stream: true });
      decoder.decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (validPrefix(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
};

const invalidUtf8 = (line: number) =>
  new CsvFormatError(
    'invalidEncoding',
    `line ${line} is not valid UTF-8; a file in another encoding must be read with that encoding named`,
    line,
  );

/** Strict UTF-8: a byte sequence that is not UTF-8 is refused, never turned into U+FFFD. */
async function* decodeUtf8(chunks: CsvChunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineFeeds = 0;
  // The start of a character the decoder is still waiting to finish, split across chunks.
  let carried: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    try {
      yield decoder.decode(bytes, { stream: true });
    } catch {
      throw invalidUtf8(
        1 + lineFeeds + countLineFeeds(bytes, firstInvalidUtf8Byte(bytes, carried)),
      );
    }
    lineFeeds += countLineFeeds(bytes);
    carried = unfinishedTail(Uint8Array.from([...carried, ...bytes.subarray(-4)]));
  }
  try {
    yield decoder.decode();
  } catch {
    throw invalidUtf8(1 + lineFeeds);
  }
}

/** Any other encoding iconv-lite knows (`latin1`, `windows-1252`, `utf-16le`, …). */
async function* decodeWith(chunks: CsvChunks, encoding: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of chunks)
    yield typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk));
  yield decoder.end() ?? '';
}

const newlinesIn = (text: string): number => text.match(/\n/g)?.length ?? 0;

/** A NUL character means a binary file: refused with the line it is on (`line` starts `text`). */
const refuseBinary = (text: string, line: number): void => {
  const nul = text.indexOf('\u0000');
  if (nul < 0) return;
  const at = line + newlinesIn(text.slice(0, nul));
  throw new CsvFormatError(
    'binary',
    `line ${at} holds a NUL character: this is a binary file (a spreadsheet or an archive?), not CSV text`,
    at,
  );
};

/**
 * Decodes a CSV file's bytes into text: UTF-8 unless `encoding` names another one, a leading BOM
 * dropped. Invalid UTF-8 is refused with the first line that holds it; a NUL character means a
 * binary file and is refused too. Text chunks pass through unchanged but for the BOM.
 */
export async function* decodeCsvText(
  chunks: CsvChunks,
  encoding = 'utf-8',
): AsyncGenerator<string> {
  const utf8 = /^utf-?8$/i.test(encoding);
  // Named before the check: `encodingExists` is a type guard, and the message needs the name.
  const named: string = encoding;
  if (!utf8 && !iconv.encodingExists(encoding))
    throw new CsvFormatError('unknownEncoding', `"${named}" is not an encoding this reader knows`);
  let first = true;
  let line = 1;
  for await (let text of utf8 ? decodeUtf8(chunks) : decodeWith(chunks, encoding)) {
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    refuseBinary(text, line);
    line += newlinesIn(text);
    if (text.length > 0) yield text;
  }
}
