import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectApi, renderApiReference } from './apiReference.js';

const packagesDir = fileURLToPath(new URL('../../packages/', import.meta.url));
const page = fileURLToPath(new URL('../../docs/api.md', import.meta.url));

describe('docs/api.md', () => {
  it('lists every exported name with its TSDoc (regenerate with CLIENTELE_UPDATE_DOCS=1)', () => {
    const expected = renderApiReference(collectApi(packagesDir));
    if (process.env['CLIENTELE_UPDATE_DOCS'] === '1') writeFileSync(page, expected);
    expect(readFileSync(page, 'utf8')).toBe(expected);
  }, 120_000);
});
