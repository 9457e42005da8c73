import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { checkCsv } from './checkCsv.js';
import { CsvFormatError } from './csvFormatError.js';
import type { CsvChunks } from './decodeCsvText.js';
import type { CsvReadOptions } from './readCsvRecords.js';
import { readCsvRecords } from './readCsvRecords.js';

const read = async (chunks: CsvChunks, options?: CsvReadOptions) => {
  const out: { lineNumber: number; values: Readonly<Record<string, string>> }[] = [];
  for await (const record of readCsvRecords(chunks, options)) out.push(record);
  return out;
};

/** The error a reading ends with, or undefined if it ends well. */
const failure = async (chunks: CsvChunks, options?: CsvReadOptions) =>
  read(chunks, options).then(
    () => undefined,
    (error: unknown) => error,
  );

const bytes = (...parts: (string | number[])[]): Uint8Array[] =>
  parts.map((part) =>
    typeof part === 'string' ? Buffer.from(part, 'utf8') : Uint8Array.from(part),
  );

describe('reading CSV records', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, across chunk borders', async () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\n';
    const chunks = text.match(/.{1,3}/gs) ?? [];
    expect(await read(chunks)).toEqual([
      { lineNumber: 2, values: { a: 'x, y', b: 'say "hi"' } },
      { lineNumber: 3, values: { a: 'multi\nline', b: 'z' } },
    ]);
  });

  it('skips blank lines and keeps counting them, and reads a last line without a line end', async () => {
    expect(await read(['a,b\n\n1,\n\n\n,2'])).toEqual([
      { lineNumber: 3, values: { a: '1', b: '' } },
      { lineNumber: 6, values: { a: '', b: '2' } },
    ]);
  });

  it('drops a BOM and keys by header name, the first of a repeated column winning', async () => {
    expect(await read(bytes([0xef, 0xbb, 0xbf], 'id,Variant,Variant\n1,first,second\n'))).toEqual([
      { lineNumber: 2, values: { id: '1', Variant: 'first' } },
    ]);
  });

  it('detects a semicolon or tab delimiter from the header, or takes the one given', async () => {
    expect(await read(['name;city\n"Acme, Inc";Köln\n'])).toEqual([
      { lineNumber: 2, values: { name: 'Acme, Inc', city: 'Köln' } },
    ]);
    expect(await read(['name\tcity\nAcme;Inc\tLyon\n'])).toEqual([
      { lineNumber: 2, values: { name: 'Acme;Inc', city: 'Lyon' } },
    ]);
    expect(await read(['name,city;x\na,b;c\n'], { delimiter: ';' })).toEqual([
      { lineNumber: 2, values: { 'name,city': 'a,b', x: 'c' } },
    ]);
  });

  it('refuses a quote inside an unquoted field, naming line and column, instead of merging rows', async () => {
    const error = await failure(['id,name\n1,Acme 5" Screens\n2,Other\n3,Big 7" Panels\n4,Last\n']);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error).toMatchObject({ problem: 'quote', line: 2, column: 2 });
    expect((error as Error).message).toMatch(/^line 2, column 2 \(name\): a quote inside/);
  });

  it('refuses a quoted field that is never closed, naming the line it opens on', async () => {
    expect(await failure(['id,name\n1,ok\n2,"open\n3,more\n'])).toMatchObject({
      problem: 'quote',
      line: 3,
    });
  });

  it('refuses a row wider or narrower than the header', async () => {
    expect(await failure(['id,name\n1,a\n2,b,c\n'])).toMatchObject({
      problem: 'fieldCount',
      line: 3,
    });
  });

  it('refuses invalid UTF-8 naming the first bad line, even when a character is split across chunks', async () => {
    const latin1 = bytes('name,city\nA,B\n', 'M', [0xfc], 'ller GmbH,Berlin\n');
    expect(await failure(latin1)).toMatchObject({ problem: 'invalidEncoding', line: 3 });
    // ü split across two chunks is valid.
    expect(await read(bytes('name\nM', [0xc3], [0xbc], 'ller\n'))).toEqual([
      { lineNumber: 2, values: { name: 'Müller' } },
    ]);
  });

  it('decodes another encoding when it is named', async () => {
    const latin1 = bytes('name\n', 'M', [0xfc], 'ller GmbH\n');
    expect(await read(latin1, { encoding: 'latin1' })).toEqual([
      { lineNumber: 2, values: { name: 'Müller GmbH' } },
    ]);
    expect(await failure(['a\n1\n'], { encoding: 'klingon' })).toMatchObject({
      problem: 'unknownEncoding',
    });
  });

  it('refuses binary, empty and header-only files', async () => {
    expect(await failure(bytes([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatchObject({
      problem: 'binary',
      line: 1,
    });
    expect(await checkCsv([''])).toMatchObject(E.left({ problem: 'empty' }));
    expect(await checkCsv(['\r\n\n'])).toMatchObject(E.left({ problem: 'empty' }));
    expect(await checkCsv(['id,name\r\n'])).toMatchObject(E.left({ problem: 'noRows' }));
    expect(await checkCsv(['id,name\r\n1,a\r\n'])).toEqual(
      E.right({ columns: ['id', 'name'], rows: 1 }),
    );
  });
});
