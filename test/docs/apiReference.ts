import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** One exported name of a package, with the first paragraph of its TSDoc. */
export interface ApiEntry {
  readonly name: string;
  readonly kind: string;
  readonly summary: string;
}

const kindOf = (symbol: ts.Symbol): string => {
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  return 'export';
};

/** The entry points a package may export besides its root, each from `src/<subpath>/index.ts`. */
const SUBPATHS = ['', 'history', 'sqlite', 'postgres', 'testing'];

/** The exported names of each package's entry points, with their TSDoc summaries. */
export const collectApi = (packagesDir: string): Map<string, ApiEntry[]> => {
  const entries = readdirSync(packagesDir)
    .sort()
    .flatMap((dir) =>
      SUBPATHS.map((subpath) => ({
        label: `@clientele/${dir}${subpath === '' ? '' : `/${subpath}`}`,
        file: join(packagesDir, dir, 'src', subpath, 'index.ts'),
      })),
    )
    .filter(({ file }) => ts.sys.fileExists(file));
  const program = ts.createProgram(
    entries.map((e) => e.file),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
    },
  );
  const checker = program.getTypeChecker();
  const api = new Map<string, ApiEntry[]>();
  for (const { label, file } of entries) {
    const source = program.getSourceFile(file);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (module === undefined) continue;
    const exported = checker.getExportsOfModule(module).map((symbol) => {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      // A namespace re-export (`export * as x`) is documented on the export, not on the module.
      const exportDeclaration = symbol.declarations?.[0]?.parent;
      const onExport =
        exportDeclaration === undefined
          ? ''
          : ts
              .getJSDocCommentsAndTags(exportDeclaration)
              .map((jsDoc) => ts.getTextOfJSDocComment(jsDoc.comment) ?? '')
              .join('\n')
              .trim();
      const doc = [
        ts.displayPartsToString(target.getDocumentationComment(checker)).trim(),
        onExport,
      ].find((text) => text !== '');
      return {
        name: symbol.name,
        kind: kindOf(target),
        summary: doc?.split(/\n\s*\n/)[0]?.replaceAll('\n', ' ') ?? '',
      };
    });
    api.set(
      label,
      exported.sort((a, b) => a.name.localeCompare(b.name)),
    );
  }
  return api;
};

/** docs/api.md: every package's exported names, their kind and what their TSDoc says. */
export const renderApiReference = (api: ReadonlyMap<string, readonly ApiEntry[]>): string =>
  [
    '# API reference',
    '',
    '<!-- Generated from the TSDoc of every exported name by test/docs/apiReference.ts; a test keeps it current. -->',
    '',
    ...[...api].flatMap(([label, entries]) => [
      `## \`${label}\``,
      '',
      '| name | kind | summary |',
      '| --- | --- | --- |',
      ...entries.map(
        (e) =>
          `| \`${e.name}\` | ${e.kind} | ${(e.summary || '(undocumented)').replaceAll('|', '\\|')} |`,
      ),
      '',
    ]),
  ].join('\n');
