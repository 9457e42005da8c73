import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A code sample found in a Markdown page. */
export interface DocSample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

const SAMPLE_FENCE = /^```ts run\s*$/;
const TYPESCRIPT_FENCE = /^```ts(?: run)?\s*$/;

/** Which blocks to find: those marked ```` ```ts run ```` (run by the docs test), or every TypeScript block. */
export type SampleKind = 'run' | 'typescript';

/** Every ```` ```ts run ```` (or every ```` ```ts ````) block in the Markdown under `dir`. */
export const findDocSamples = (
  dir: string,
  root: string = dir,
  kind: SampleKind = 'run',
): DocSample[] => {
  const samples: DocSample[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      samples.push(...findDocSamples(path, root, kind));
      continue;
    }
    if (entry.endsWith('.md')) samples.push(...findSamplesInFile(path, root, kind));
  }
  return samples;
};

/** Every ```` ```ts run ```` (or every ```` ```ts ````) block in one Markdown file. */
export const findSamplesInFile = (
  path: string,
  root: string,
  kind: SampleKind = 'run',
): DocSample[] => {
  const fence = kind === 'run' ? SAMPLE_FENCE : TYPESCRIPT_FENCE;
  const samples: DocSample[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (!fence.test(lines[i] ?? '')) continue;
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
