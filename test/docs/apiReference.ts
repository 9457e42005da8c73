import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { declarationText } from './apiSignature.js';

/** One exported name of a package, with the first paragraph of its TSDoc and its signature. */
export interface ApiEntry {
  readonly name: string;
  readonly kind: string;
  readonly summary: string;
  /** Parameters and result, members with their types, or the type: what a caller writes. */
  readonly signature: string;
}

const kindOf = (symbol: ts.Symbol, signature: string): string => {
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Function || signature.startsWith('function ')) return 'function';
  if (flags & ts.SymbolFlags.ValueModule) return 'namespace';
  if (signature.includes(': io-ts codec of ')) return 'codec';
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  return 'export';
};

/** The TSDoc written above a declaration (tags left out). */
const jsDocText = (node: ts.Node): string =>
  ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((jsDoc) => ts.getTextOfJSDocComment(jsDoc.comment) ?? '')
    .join('\n')
    .trim();

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
      const onExport = exportDeclaration === undefined ? '' : jsDocText(exportDeclaration);
      // A codec and its type share a name, each with its TSDoc: the first one says it.
      const doc = [...(target.declarations ?? []).map(jsDocText), onExport].find(
        (text) => text !== '',
      );
      const signature = declarationText(checker, symbol.name, target);
      return {
        name: symbol.name,
        kind: kindOf(target, signature),
        summary: doc?.split(/\n\s*\n/)[0]?.replaceAll('\n', ' ') ?? '',
        signature,
      };
    });
    api.set(
      label,
      exported.sort((a, b) => a.name.localeCompare(b.name)),
    );
  }
  return api;
};

const entryText = (entry: ApiEntry): string[] => [
  `### \`${entry.name}\``,
  '',
  `${entry.kind}: ${entry.summary || '(undocumented)'}`,
  '',
  ...(entry.signature === '' ? [] : ['```ts', entry.signature, '```', '']),
];

/**
 * docs/api.md: every package's exported names, what their TSDoc says, and their signatures:
 * parameters and results, and every member of an options type with its type.
 */
export const renderApiReference = (api: ReadonlyMap<string, readonly ApiEntry[]>): string =>
  [
    '# API reference',
    '',
    '<!-- Generated from the TSDoc and types of every exported name by test/docs/apiReference.ts; a test keeps it current. -->',
    '',
    'Packages: ' +
      [...api.keys()]
        .map(
          (label) =>
            `[\`${label}\`](#${label.replaceAll(/[@/]/g, '').replaceAll(/[^a-z0-9-]/g, '')})`,
        )
        .join(' · '),
    '',
    ...[...api].flatMap(([label, entries]) => [
      `## \`${label}\``,
      '',
      ...entries.flatMap(entryText),
    ]),
  ].join('\n');
