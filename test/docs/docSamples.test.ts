import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDocSamples, findSamplesInFile } from './docSamples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = join(root, 'test', 'docs', '.samples');
const samples = [
  ...findSamplesInFile(join(root, 'README.md'), root),
  ...findDocSamples(join(root, 'docs'), root),
];

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

// Every sample marked ```ts run in docs/ runs here, so the docs cannot drift from the code.
describe('documentation samples', () => {
  it('finds the samples to run', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples.map((sample) => [`${sample.file}:${sample.line}`, sample] as const))(
    '%s runs',
    async (_where, sample) => {
      mkdirSync(scratch, { recursive: true });
      const file = join(
        scratch,
        `${sample.file.replaceAll(/[^A-Za-z0-9]/g, '_')}_${sample.line}.ts`,
      );
      writeFileSync(file, sample.code);
      await import(/* @vite-ignore */ file);
    },
  );
});
