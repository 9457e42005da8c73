// Imports every public entry point of the installed packages (the `testing` kits need vitest, an
// optional peer, so they are left out), and checks that the root entries load no native driver
// and no engine client: those load only from the subpaths and engines that name them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const drivers = /node_modules[\\/](better-sqlite3|pg|@eventstore[\\/]db-client)[\\/]/;
const roots = [
  '@clientele/eventstore',
  '@clientele/domain',
  '@clientele/domain/history',
  '@clientele/projections',
  '@clientele/outbox',
];
const withDrivers = [
  '@clientele/projections/sqlite',
  '@clientele/projections/postgres',
  '@clientele/eventstore-sqlite',
  '@clientele/eventstore-postgres',
  '@clientele/eventstore-esdb',
  '@clientele/cli',
];
for (const entry of roots) await import(entry);
const loaded = Object.keys(require.cache).filter((file) => drivers.test(file));
if (loaded.length > 0) throw new Error(`root entries loaded drivers: ${loaded.join(', ')}`);
for (const entry of withDrivers) await import(entry);
console.log(
  `${roots.length + withDrivers.length} entry points import; the root ones load no driver`,
);
