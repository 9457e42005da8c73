import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvRecords } from './parseCsv.js';

const all = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('CSV reader', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks, across chunk borders', async () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\n';
    const chunks = text.match(/.{1,3}/gs) ?? [];
    expect(await all(parseCsv(chunks))).toEqual([
      { lineNumber: 1, fields: ['a', 'b'] },
      { lineNumber: 2, fields: ['x, y', 'say "hi"'] },
      { lineNumber: 3, fields: ['multi\nline', 'z'] },
    ]);
  });

  it('keeps empty fields, skips blank lines and reads a last line without a line end', async () => {
    expect(await all(parseCsv(['a,,c\n\n,b,\nlast']))).toEqual([
      { lineNumber: 1, fields: ['a', '', 'c'] },
      { lineNumber: 3, fields: ['', 'b', ''] },
      { lineNumber: 4, fields: ['last'] },
    ]);
  });

  it('refuses a file that ends inside a quoted field', async () => {
    await expect(all(parseCsv(['a,"open\n']))).rejects.toThrow(/line 1/);
  });

  it('keys records by header name, the first of a repeated column winning', async () => {
    expect(
      await all(readCsvRecords(['\uFEFFid,Variant,Variant\n1,first,second\n2,only\n'])),
    ).toEqual([
      { lineNumber: 2, values: { id: '1', Variant: 'first' } },
      { lineNumber: 3, values: { id: '2', Variant: 'only' } },
    ]);
  });
});
