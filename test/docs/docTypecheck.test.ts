import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { findDocSamples, findSamplesInFile } from './docSamples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = join(root, 'test', 'docs', '.typecheck');
const readmes = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'README.md')),
  ...readdirSync(join(root, 'examples')).map((name) => join(root, 'examples', name, 'README.md')),
].filter((path) => {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
});
const samples = [
  ...readmes.flatMap((path) => findSamplesInFile(path, root, 'typescript')),
  // docs/api.md is generated: its blocks are signatures, not samples.
  ...findDocSamples(join(root, 'docs'), root, 'typescript').filter(
    (sample) => sample.file !== 'docs/api.md',
  ),
];

/**
 * The tests' compiler options, with each `@clientele/*` import pointed at the built declarations
 * (`dist/*.d.ts`, which `pnpm test` builds first): checking against declarations is quick, and it
 * is what a user of the published packages compiles against.
 */
const compilerOptions = (): ts.CompilerOptions => {
  const config = ts.readConfigFile(join(root, 'tsconfig.tests.json'), (path) =>
    ts.sys.readFile(path),
  );
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const paths = Object.fromEntries(
    Object.entries(parsed.options.paths ?? {}).map(([name, targets]) => [
      name,
      targets.map((target) => target.replace('/src/', '/dist/').replace(/\.ts$/, '.d.ts')),
    ]),
  );
  return { ...parsed.options, paths, noEmit: true, noUnusedLocals: false };
};

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

// Every ```ts block in the docs and READMEs compiles against the packages as built, so an API
// renamed or reshaped in code cannot leave a stale sample behind (```ts run blocks also run).
describe('documentation samples compile', () => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const files = samples.map((sample) => {
    const file = join(scratch, `${sample.file.replaceAll(/[^A-Za-z0-9]/g, '_')}_${sample.line}.ts`);
    // Each sample is a module of its own, so two samples may declare the same name.
    writeFileSync(file, `${sample.code}\nexport {};\n`);
    return { sample, file };
  });
  const program = ts.createProgram(
    files.map(({ file }) => file),
    compilerOptions(),
  );

  it('finds every TypeScript sample', () => {
    expect(samples.length).toBeGreaterThan(10);
  });

  it.each(files.map(({ sample, file }) => [`${sample.file}:${sample.line}`, file] as const))(
    '%s compiles',
    (_where, file) => {
      const source = program.getSourceFile(file);
      const diagnostics = [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ].map((d) => {
        const where =
          d.start === undefined || source === undefined
            ? ''
            : `line ${source.getLineAndCharacterOfPosition(d.start).line + 1}: `;
        return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
      expect(diagnostics).toEqual([]);
    },
  );
});
