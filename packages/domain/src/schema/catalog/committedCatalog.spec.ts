import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../jsonSchema.js';
import { commandCatalogEntries, eventCatalogEntries } from './catalogEntries.js';
import { compareWithCatalog } from './catalogCheck.js';
import { renderCatalogIndex } from './catalogIndex.js';

const catalogDir = fileURLToPath(new URL('../../../../../docs/schemas/catalog/', import.meta.url));
const update = process.env['CLIENTELE_UPDATE_DOCS'] === '1';

const readCatalog = (): Map<string, JsonSchema> => {
  const files = new Map<string, JsonSchema>();
  for (const folder of ['events', 'commands']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(catalogDir, folder));
    } catch {
      continue;
    }
    for (const name of names.filter((file) => file.endsWith('.json'))) {
      const text = readFileSync(join(catalogDir, folder, name), 'utf8');
      files.set(`${folder}/${name}`, JSON.parse(text) as JsonSchema);
    }
  }
  return files;
};

describe('the committed schema catalog (docs/schemas/catalog)', () => {
  it('matches the codecs, and no stored event changed incompatibly without an upcaster (regenerate with CLIENTELE_UPDATE_DOCS=1)', () => {
    const entries = [...eventCatalogEntries(), ...commandCatalogEntries()];
    const committed = readCatalog();
    const comparison = compareWithCatalog(entries, committed);
    // Never written over, even when regenerating: an old version's schema is history.
    expect(comparison.incompatible).toEqual([]);
    if (update) {
      for (const [file, schema] of comparison.toWrite) {
        mkdirSync(dirname(join(catalogDir, file)), { recursive: true });
        writeFileSync(join(catalogDir, file), `${JSON.stringify(schema, null, 2)}\n`);
        committed.set(file, schema);
      }
      for (const file of comparison.toRemove) {
        rmSync(join(catalogDir, file));
        committed.delete(file);
      }
    }
    expect([...comparison.toWrite.keys(), ...comparison.toRemove]).toEqual(
      update ? expect.any(Array) : [],
    );
    const index = renderCatalogIndex(entries, [...committed.keys()]);
    if (update) writeFileSync(join(catalogDir, 'README.md'), index);
    expect(readFileSync(join(catalogDir, 'README.md'), 'utf8')).toBe(index);
  });
});
