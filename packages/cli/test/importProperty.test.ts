import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { readColumnMapping } from '../src/importing/columnMapping.js';
import { fileMappingImport } from '../src/importing/fileMappingImport.js';
import { checkImportFiles, runImport } from '../src/importing/runImport.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-import-property-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mappingFile = join(dir, 'names.json');
writeFileSync(
  mappingFile,
  JSON.stringify({
    imports: 'customers',
    idColumn: 'id',
    columns: { name: 'name' },
    constants: { customerKind: 'company' },
  }),
);

/** Marks a quoted empty field, which keeps a record of one empty field from being blank. */
const QUOTED_EMPTY = '\u0000quoted-empty';

/** The text of strict UTF-8 bytes (a BOM dropped), undefined if they are not UTF-8. */
const utf8Text = (bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

/** The length of the line end at `i` (LF or CRLF), 0 if there is none. */
const lineEndAt = (text: string, i: number): number => {
  if (text.charAt(i) === '\n') return 1;
  return text.slice(i, i + 2) === '\r\n' ? 2 : 0;
};

/**
 * The quoted field opening at `start`: up to the closing quote (quotes doubled inside), which a
 * delimiter or line end must follow. Its text and where reading goes on, or undefined.
 */
const quotedField = (text: string, start: number): { field: string; next: number } | undefined => {
  let field = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return undefined;
    if (text[i] === '"') {
      if (text[i + 1] !== '"') break;
      field += '"';
      i += 2;
      continue;
    }
    field += text.charAt(i);
    i += 1;
  }
  i += 1;
  const closes = i >= text.length || text[i] === ',' || lineEndAt(text, i) > 0;
  return closes ? { field: field === '' ? QUOTED_EMPTY : field, next: i } : undefined;
};

/** The records of a text by RFC 4180, blank lines skipped; undefined for a stray quote. */
const referenceRecords = (text: string): string[][] | undefined => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text.charAt(i);
    const lineEnd = lineEndAt(text, i);
    if (char === '"' && field === '') {
      const quoted = quotedField(text, i);
      if (quoted === undefined) return undefined;
      field = quoted.field;
      i = quoted.next;
    } else if (char === '"') return undefined;
    else if (char === ',') {
      endField();
      i += 1;
    } else if (lineEnd > 0) {
      endRecord();
      i += lineEnd;
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return records.map((r) => r.map((f) => (f === QUOTED_EMPTY ? '' : f)));
};

/**
 * A reference reading of a file by RFC 4180, written for this test alone: UTF-8 (a BOM
 * dropped), fields quoted with `"` and quotes doubled inside, CRLF or LF ending a record, blank
 * lines skipped, every record as wide as the header, at least one row. Anything else: undefined.
 */
const referenceRows = (bytes: Uint8Array): string[][] | undefined => {
  const text = utf8Text(bytes);
  const records = text === undefined ? undefined : referenceRecords(text);
  if (records === undefined) return undefined;
  const [header, ...rows] = records;
  if (header === undefined || rows.length === 0) return undefined;
  return rows.every((row) => row.length === header.length) ? rows : undefined;
};

const special = fc.constantFrom(',', '"', '\n', '\r\n', ' ', 'é', ';', '5"', '\t');
const nameText = fc
  .array(fc.oneof(fc.constantFrom('a', 'B', 'z'), special), { minLength: 0, maxLength: 6 })
  .map((parts) => `A${parts.join('')}z`);

/** A value in about one case of four, else undefined: most files stay whole. */
const sometimes = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: value, weight: 1 });

/** A file as an exporter might write it, then perhaps damaged. */
const csvFile = fc
  .record({
    names: fc.array(nameText, { minLength: 0, maxLength: 5 }),
    quoting: fc.constantFrom('always', 'needed', 'never'),
    lineEnd: fc.constantFrom('\r\n', '\n'),
    bom: fc.boolean(),
    finalLineEnd: fc.boolean(),
    invalidByteAt: sometimes(fc.nat()),
    truncateAt: sometimes(fc.nat()),
  })
  .map((spec) => {
    const field = (value: string) =>
      spec.quoting === 'always' || (spec.quoting === 'needed' && /[",\r\n]/.test(value))
        ? `"${value.replaceAll('"', '""')}"`
        : value;
    const lines = [
      'id,name',
      ...spec.names.map((name, index) => `${field(`r${index}`)},${field(name)}`),
    ];
    const text = lines.join(spec.lineEnd) + (spec.finalLineEnd ? spec.lineEnd : '');
    let bytes = Buffer.concat([
      Buffer.from(spec.bom ? [0xef, 0xbb, 0xbf] : []),
      Buffer.from(text, 'utf8'),
    ]);
    if (spec.invalidByteAt !== undefined) {
      const at = spec.invalidByteAt % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    }
    if (spec.truncateAt !== undefined)
      bytes = bytes.subarray(0, spec.truncateAt % (bytes.length + 1));
    return bytes;
  });

describe('importing generated CSV files', () => {
  it('writes exactly the rows an RFC 4180 reading gives (fields byte for byte, then the name codec trimming), or writes nothing and fails', async () => {
    const mapping = readColumnMapping(mappingFile);
    if (mapping._tag === 'Left') throw new Error(mapping.left);
    let written = 0;
    await fc.assert(
      fc.asyncProperty(csvFile, async (bytes) => {
        const file = join(dir, 'generated.csv');
        writeFileSync(file, bytes);
        const plan = {
          mapping: fileMappingImport(mappingFile, mapping.right, () => '2026-01-01T00:00:00.000Z'),
          file,
          csv: {},
        };
        const store = createInMemoryEventStore();
        const reference = referenceRows(bytes);
        const unreadable = await checkImportFiles(plan);
        const outcome =
          unreadable === undefined
            ? await runImport({
                ...plan,
                store,
                tenant: { tenantId: 't', tenantKey: 'k' },
                skipInvalid: false,
                dryRun: false,
              })
            : undefined;
        const names: string[] = [];
        for await (const event of store.readAll())
          if (event.type === 'CustomerRegistered')
            names.push((event.data as { name: string }).name);
        const succeeded =
          outcome?.kind === 'done' && outcome.written && outcome.report.rejected.length === 0;
        if (succeeded) {
          written += 1;
          // The CSV layer hands every field on byte for byte; the name codec then trims the
          // whitespace around a name (NonEmptyName), its documented rule, and nothing else.
          expect(names).toEqual(reference?.map((row) => row[1]?.trim()));
        } else expect(names).toEqual([]);
        if (reference === undefined) expect(succeeded).toBe(false);
        await store.close();
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: a good share of the files import.
    expect(written).toBeGreaterThan(60);
  }, 60_000);
});
