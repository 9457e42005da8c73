// Dependency rules checked by `pnpm lint` (dependency-cruiser). The packages point one way:
// cli → projections → domain → eventstore; the engines know only the eventstore port.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycles',
      comment:
        'Two files that import each other (directly or around a loop) are one concept: merge or split them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment:
        'Folders are concepts; a loop between folders means a shared value or rule belongs in a third folder (e.g. domain/src/shared).',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-no-engine-or-projections',
      comment:
        'The domain is pure and storage-free; only its test kit (src/testing) may reach an engine or a read model.',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: '^packages/domain/src/testing/' },
      to: { path: '^packages/(eventstore-[^/]+|projections)/' },
    },
    {
      name: 'projections-import-no-cli',
      comment: 'Read models are used by the CLI, never the other way round.',
      severity: 'error',
      from: { path: '^packages/projections/' },
      to: { path: '^packages/cli/' },
    },
    {
      name: 'engines-import-no-domain',
      comment: 'Engines store any events; they know the eventstore port, not CRM aggregates.',
      severity: 'error',
      from: { path: '^packages/eventstore[^/]*/' },
      to: { path: '^packages/(domain|projections|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Specs and test suites are left out: a spec may use its package's test kit, which in turn
    // uses the folder under test; that is how tests are built, not a loop in the code.
    exclude: {
      path: [
        '(^|/)(node_modules|dist|coverage|test-artifacts)/',
        '[.](spec|test)[.]ts$',
        '^test/',
        '^packages/[^/]+/test/',
        '^examples/[^/]+/test/',
      ],
    },
    // Type-only imports count: a loop through types is still a loop a reader must untangle.
    tsPreCompilationDeps: true,
    // The tests' tsconfig maps every `@clientele/*` import to its sources.
    tsConfig: { fileName: 'tsconfig.tests.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
    },
  },
};
