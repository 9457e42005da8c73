import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A code sample found in a Markdown page. */
export interface DocSample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

const SAMPLE_FENCE = /^```ts run\s*$/;

/** Every ```` ```ts run ```` block in the Markdown files under `dir`, with where it starts. */
export const findDocSamples = (dir: string, root: string = dir): DocSample[] => {
  const samples: DocSample[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      samples.push(...findDocSamples(path, root));
      continue;
    }
    if (entry.endsWith('.md')) samples.push(...findSamplesInFile(path, root));
  }
  return samples;
};

/** Every ```` ```ts run ```` block in one Markdown file. */
export const findSamplesInFile = (path: string, root: string): DocSample[] => {
  const samples: DocSample[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (!SAMPLE_FENCE.test(lines[i] ?? '')) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end < 0) throw new Error(`${relative(root, path)}:${i + 1}: unterminated code block`);
    samples.push({
      file: relative(root, path),
      line: i + 1,
      code: lines.slice(i + 1, end).join('\n'),
    });
    i = end;
  }
  return samples;
};
