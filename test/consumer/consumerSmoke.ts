/**
 * Consumer smoke test: packs every published package, installs the tarballs into a fresh project
 * with npm and with pnpm (strict layout), compiles a TypeScript program against their public API
 * with moduleResolution nodenext and bundler, imports every entry point, and runs the installed
 * CLI. Run by `pnpm test` after the build (`pnpm run test:consumer`).
 *
 * @packageDocumentation
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const pnpmScript = process.env['npm_execpath'];
if (pnpmScript === undefined || !pnpmScript.includes('pnpm')) {
  throw new Error('run it through pnpm: pnpm run test:consumer');
}
const work = mkdtempSync(join(tmpdir(), 'clientele-consumer-'));
/** npm's cache is shared between runs, so only the first run downloads the registry packages. */
const npmCache = join(tmpdir(), 'clientele-consumer-npm-cache');

/**
 * The environment of every step: the shared npm cache, every core for compiling better-sqlite3
 * where no prebuilt binary can be downloaded (node-gyp reads `JOBS`), and no store or actor chosen
 * by the caller's shell.
 */
const env = Object.fromEntries(
  Object.entries({ ...process.env, npm_config_cache: npmCache, JOBS: 'max' }).filter(
    ([name]) => name !== 'CLIENTELE_STORE' && name !== 'CLIENTELE_ACTOR',
  ),
);

const run = (cwd: string, command: string, args: readonly string[], shown = 3): string => {
  const started = performance.now();
  const output = execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const label = [command === process.execPath ? 'node' : command, ...args].join(' ');
  console.log(`$ ${label.replaceAll(work, '$TMP')}   (${seconds} s)`);
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  // A negative count shows the last lines (an install's summary), a positive one the first.
  for (const line of shown < 0 ? lines.slice(shown) : lines.slice(0, shown))
    console.log(`  ${line.replaceAll(work, '$TMP')}`);
  return output;
};
const pnpm = (cwd: string, shown: number, ...args: string[]) =>
  run(cwd, process.execPath, [pnpmScript, ...args], shown);

const packs = join(work, 'packs');
pnpm(
  root,
  0,
  '-r',
  '--filter',
  './packages/*',
  '--filter',
  '!@clientele/bench',
  'pack',
  '--pack-destination',
  packs,
);
const tarballs = Object.fromEntries(
  readdirSync(packs).map((file) => [
    `@clientele/${file.replace(/^clientele-/, '').replace(/-\d+\.\d+\.\d+\.tgz$/, '')}`,
    `file:${join(packs, file)}`,
  ]),
);

/**
 * The workspace's own better-sqlite3: the consumer installs exactly this version, and its compiled
 * binary is copied in instead of compiling the driver again. No prebuilt binary can be downloaded
 * here, so each install would otherwise spend minutes of both cores in node-gyp building SQLite,
 * which tests the driver's build, not our packages. Install scripts are skipped for that reason
 * (better-sqlite3's is the only one that builds anything among our dependencies).
 */
const workspaceDriver = dirname(
  createRequire(join(root, 'packages', 'eventstore-sqlite', 'package.json')).resolve(
    'better-sqlite3/package.json',
  ),
);
const driverVersion = (
  JSON.parse(readFileSync(join(workspaceDriver, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const driverBinary = join('build', 'Release', 'better_sqlite3.node');

/** Puts the workspace's compiled driver into a consumer's installed copy of the same version. */
const placeDriver = (dir: string): void => {
  const installed = realpathSync(join(dir, 'node_modules', 'better-sqlite3'));
  const version = (
    JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  if (version !== driverVersion)
    throw new Error(
      `the consumer got better-sqlite3 ${version}, the workspace has ${driverVersion}`,
    );
  mkdirSync(join(installed, 'build', 'Release'), { recursive: true });
  copyFileSync(join(workspaceDriver, driverBinary), join(installed, driverBinary));
  console.log(`  better-sqlite3 ${version}: the workspace's compiled binary placed`);
};

const consumer = (manager: 'npm' | 'pnpm'): string => {
  const dir = join(work, manager);
  mkdirSync(dir);
  const manifest = {
    name: `consumer-${manager}`,
    private: true,
    type: 'module',
    dependencies: {
      ...tarballs,
      // What the sample imports itself, and the driver that @clientele/projections/sqlite peers on.
      'fp-ts': '^2.16.11',
      'better-sqlite3': driverVersion,
      typescript: '~6.0.3',
      '@types/node': '^20.19.0',
    },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  if (manager === 'pnpm') {
    // The CLI's own dependencies name the other packages by version: point them at the tarballs.
    const overrides = Object.entries(tarballs).map(([name, spec]) => `  '${name}': '${spec}'`);
    writeFileSync(
      join(dir, 'pnpm-workspace.yaml'),
      ['onlyBuiltDependencies:', '  - better-sqlite3', 'overrides:', ...overrides, ''].join('\n'),
    );
  }
  copyFileSync(join(here, 'sample.ts'), join(dir, 'sample.ts'));
  copyFileSync(join(here, 'entryPoints.mjs'), join(dir, 'entryPoints.mjs'));
  const compilerOptions = { target: 'ES2022', strict: true, types: ['node'], skipLibCheck: false };
  writeFileSync(
    join(dir, 'tsconfig.nodenext.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: 'NodeNext', outDir: 'out' },
      files: ['sample.ts'],
    }),
  );
  writeFileSync(
    join(dir, 'tsconfig.bundler.json'),
    JSON.stringify({
      compilerOptions: {
        ...compilerOptions,
        module: 'ESNext',
        moduleResolution: 'Bundler',
        noEmit: true,
      },
      files: ['sample.ts'],
    }),
  );
  return dir;
};

const check = (dir: string): void => {
  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  run(dir, process.execPath, [tsc, '-p', 'tsconfig.nodenext.json']);
  run(dir, process.execPath, [tsc, '-p', 'tsconfig.bundler.json']);
  run(dir, process.execPath, ['out/sample.js']);
  run(dir, process.execPath, ['entryPoints.mjs']);
  const clientele = join(dir, 'node_modules', '.bin', 'clientele');
  const store = `sqlite:${join(dir, 'demo.db')}`;
  run(dir, clientele, ['--help'], 2);
  run(dir, clientele, ['demo', '--store', store, '--steps', '600'], 2);
  run(dir, clientele, ['report', 'pipeline', '--store', store, '--actor', 'ada:administrator'], 6);
};

const started = performance.now();
try {
  const npmDir = consumer('npm');
  run(
    npmDir,
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'],
    -1,
  );
  placeDriver(npmDir);
  check(npmDir);
  const pnpmDir = consumer('pnpm');
  pnpm(
    pnpmDir,
    -1,
    'install',
    '--reporter=append-only',
    '--config.node-linker=isolated',
    '--ignore-scripts',
  );
  placeDriver(pnpmDir);
  check(pnpmDir);
  console.log(
    `consumer smoke test passed in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
