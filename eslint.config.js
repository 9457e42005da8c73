import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Test files: specs, cross-package suites and the exported test kits. */
const testFiles = ['**/*.spec.ts', '**/*.test.ts', '**/test/**/*.ts', '**/src/testing/**/*.ts'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program for the whole tree (the tests' tsconfig maps every package to its sources
        // and includes specs, which the packages' own tsconfigs exclude), plus the browser app.
        project: ['./tsconfig.tests.json', './packages/dashboard/app/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Numbers print exactly; bigints, booleans, objects and nullish values must be formatted
      // on purpose (bigint money in minor units is formatted, never interpolated raw).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Off: the ports are async, and their in-memory and SQLite (synchronous driver)
      // implementations are `async` without `await` on purpose, so that a fault becomes a
      // rejected promise as the port promises, not a synchronous throw. 113 findings, all this.
      '@typescript-eslint/require-await': 'off',
      // A `default:` branch is a stated decision; a switch without one must cover the union.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      // "modified": a switch counts once. A switch over a union is one decision, and
      // switch-exhaustiveness-check already guards its cases.
      complexity: ['error', { max: 12, variant: 'modified' }],
      'max-params': ['error', 4],
      'no-console': 'off',
    },
  },
  {
    // Code generic over io-ts's `t.Mixed` (whose type parameters are `any` by io-ts's own
    // definition), over projections of any document type (`AnyProjection`), or handed Hono's
    // `Context`, whose input type parameter is `any`: the values are decoded or checked where
    // they enter, so the `any` these rules see is io-ts's and Hono's, not ours.
    files: [
      'packages/domain/src/shared/commandCodec.ts',
      'packages/cli/src/dashboard/scopedRecords.ts',
      'packages/projections/src/readModels/compiledDecoder.ts',
      'packages/projections/src/projection/applyEvent.ts',
      'packages/dashboard/src/server/createDashboardApp.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    files: testFiles,
    rules: {
      // Tests index arrays they have just built; `!` there says "the test fails loudly if absent".
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests parse what the CLI, the HTTP API and the stores print or return (`JSON.parse`,
      // `response.json()`) and check its shape with `expect`; the assertion is the type check.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Type-level tests hand methods to `expectTypeOf(...)`, which never calls them.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Given/when/then spec files keep one aggregate's rules together, one short spec per rule;
    // they are read by rule name, not top to bottom, so length does not hurt them.
    files: ['**/*.spec.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    // Build configuration outside every tsconfig: checked without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'packages/dashboard/app/vite.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // dependency-cruiser reads its configuration as CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
);
