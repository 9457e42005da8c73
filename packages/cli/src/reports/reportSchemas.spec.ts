import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportName } from './index.js';
import { reports } from './index.js';
import { reportSchema, reportsSchema } from './reportJson.js';

const folder = fileURLToPath(new URL('../../../../docs/schemas/reports/', import.meta.url));
const names = Object.keys(reports) as ReportName[];

/** The published schema files and what they must hold. */
const published: readonly [file: string, schema: unknown][] = [
  ...names.map((name): [string, unknown] => [`${name}.json`, reportSchema(reports[name].shape)]),
  ['reports.json', reportsSchema(names)],
];

describe('the JSON Schemas of the reports in docs/schemas/reports', () => {
  it('are made from the reports’ own columns (regenerate with CLIENTELE_UPDATE_DOCS=1)', () => {
    if (process.env['CLIENTELE_UPDATE_DOCS'] === '1') mkdirSync(folder, { recursive: true });
    for (const [file, schema] of published) {
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      if (process.env['CLIENTELE_UPDATE_DOCS'] === '1') writeFileSync(`${folder}${file}`, text);
      expect(readFileSync(`${folder}${file}`, 'utf8'), file).toBe(text);
    }
  });

  it('name every column of every report, each key once', () => {
    for (const name of names) {
      const { columns, totalColumns } = reports[name].shape;
      for (const list of [columns, totalColumns])
        expect(new Set(list.map((c) => c.key)).size, name).toBe(list.length);
    }
  });
});
