const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** How many line feeds the first `end` bytes hold. */
export const countLineFeeds = (bytes: Uint8Array, end = bytes.length): number => {
  let count = 0;
  for (let i = 0; i < end; i += 1) if (bytes[i] === LINE_FEED) count += 1;
  return count;
};

/** Line feeds before the first byte that is not a line end: the blank lines a record follows. */
const leadingBlankLines = (bytes: Uint8Array): number => {
  let count = 0;
  for (const byte of bytes) {
    if (byte === LINE_FEED) count += 1;
    else if (byte !== CARRIAGE_RETURN) break;
  }
  return count;
};

/**
 * Turns the parser's byte offsets (UTF-8 bytes of the text fed to it) into 1-based line numbers
 * of the file. It holds only the text not yet attributed to a record, so memory stays bounded.
 */
export const createCsvLineCounter = () => {
  let pending: Buffer = Buffer.alloc(0);
  let pendingStart = 0;
  let line = 1;
  return {
    /** Records text as it goes to the parser. */
    feed: (text: string): void => {
      pending = Buffer.concat([pending, Buffer.from(text, 'utf8')]);
    },
    /** The line where the record that ends at byte `end` starts; the count moves past it. */
    recordEndingAt: (end: number): number => {
      const record = pending.subarray(0, end - pendingStart);
      const start = line + leadingBlankLines(record);
      line += countLineFeeds(record);
      pending = pending.subarray(record.length);
      pendingStart = end;
      return start;
    },
    /** The line where the record being read starts (after the blank lines before it). */
    unfinishedRecordStart: (): number => line + leadingBlankLines(pending),
  };
};
