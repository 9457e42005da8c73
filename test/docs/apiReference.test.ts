import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectApi, renderApiReference } from './apiReference.js';

const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url));
const page = fileURLToPath(new URL('../../docs/api.md', import.meta.url));

describe('docs/api.md', () => {
  it('lists every exported name with its TSDoc (regenerate with CLIENTELE_UPDATE_DOCS=1)', () => {
    const api = collectApi(packagesDir);
    const expected = renderApiReference(api);
    if (process.env['CLIENTELE_UPDATE_DOCS'] === '1') writeFileSync(page, expected);
    expect(readFileSync(page, 'utf8')).toBe(expected);
    // Every exported name says what it is for: none is listed as "(undocumented)".
    const undocumented = [...api].flatMap(([label, entries]) =>
      entries.filter((entry) => entry.summary === '').map((entry) => `${label}: ${entry.name}`),
    );
    expect(undocumented).toEqual([]);
  }, 120_000);
});
