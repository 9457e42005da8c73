import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from './commands/index.js';
import { cliReference } from './reference.js';

const page = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url));

describe('docs/cli.md', () => {
  it('is the help text of every command (regenerate with CLIENTELE_UPDATE_DOCS=1)', () => {
    const expected = cliReference(commands);
    if (process.env['CLIENTELE_UPDATE_DOCS'] === '1') writeFileSync(page, expected);
    expect(readFileSync(page, 'utf8')).toBe(expected);
  });
});
