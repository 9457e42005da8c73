import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

/**
 * Tests run against the TypeScript sources of every workspace package, so an edit is seen
 * without a rebuild. `@clientele/x` maps to `packages/x/src/index.ts` and a subpath such as
 * `@clientele/x/testing` to `packages/x/src/testing/index.ts`, mirroring each package's `exports`.
 */
const workspaceSources = [
  {
    find: /^@clientele\/([a-z-]+)\/([a-z]+)$/,
    replacement: `${packagesDir}$1/src/$2/index.ts`,
  },
  { find: /^@clientele\/([a-z-]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
];

export default defineConfig({
  resolve: { alias: workspaceSources },
  test: {
    reporters: ['default', './test/support/summaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [
            'test/e2e/**/*.test.ts',
            'test/docs/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
          ],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
