import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { activitiesReferenceMarkdown } from './activitiesReference.js';

const DOC = fileURLToPath(new URL('../../../../docs/domain/activities.md', import.meta.url));
const START = '<!-- generated from the codecs: start -->';
const END = '<!-- generated from the codecs: end -->';

describe('docs/domain/activities.md', () => {
  it('lists every command and event with the fields their codecs define', async () => {
    const doc = readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(START);
    const after = rest?.split(END)[1];
    expect(before !== undefined && after !== undefined, `markers ${START} / ${END} missing`).toBe(
      true,
    );
    // Formatted as the repository's prettier check would leave it.
    const expected = await format(
      `${before}${START}\n\n${activitiesReferenceMarkdown()}\n\n${END}${after}`,
      { ...(await resolveConfig(DOC)), parser: 'markdown' },
    );
    // Regenerate with: UPDATE_DOCS=1 npx vitest run packages/domain/src/testing/activitiesReference.spec.ts
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(doc).toBe(expected);
  });
});
