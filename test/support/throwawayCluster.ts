import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';

/** A PostgreSQL 15 cluster of a test's own, on a port of 5440–5449, never the shared one. */
export interface ThrowawayCluster {
  readonly name: string;
  readonly port: number;
  readonly connectionString: string;
  start(): void;
  /**
   * Stops the server: `immediate` as a crash would (recovery from the WAL on the next start),
   * `fast` as an operator's restart (open transactions rolled back, clients disconnected).
   */
  stop(mode: 'fast' | 'immediate'): void;
  /** Stops the cluster and deletes it with its data and configuration. */
  drop(): void;
}

const run = (command: string, args: readonly string[]): void => {
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
};

/**
 * Why throwaway clusters cannot be made here, or undefined when they can: it takes root (as CI
 * runs) and the Debian PostgreSQL 15 tools.
 */
export const clustersUnavailable = (): string | undefined => {
  if (process.getuid?.() !== 0) return 'making a PostgreSQL cluster takes root';
  if (!existsSync('/usr/bin/pg_createcluster') || !existsSync('/usr/lib/postgresql/15/bin')) {
    return 'pg_createcluster and PostgreSQL 15 are not installed';
  }
  return undefined;
};

const dataDirectory = (name: string): string => `/var/lib/postgresql/15/${name}`;

/**
 * Creates (without starting) a cluster with trust authentication on loopback, replication
 * allowed; `--no-sync` because a test's cluster need not survive a power cut.
 */
export const createCluster = (name: string, port: number): ThrowawayCluster => {
  if (port < 5440 || port > 5449)
    throw new RangeError(`test clusters use ports 5440-5449, not ${port}`);
  run('pg_createcluster', [
    '15',
    name,
    '-p',
    String(port),
    '-o',
    'listen_addresses=localhost',
    '--',
    '--auth-host=trust',
    '--auth-local=trust',
    '--no-sync',
  ]);
  return {
    name,
    port,
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => {
      run('pg_ctlcluster', ['--skip-systemctl-redirect', '15', name, 'start']);
    },
    stop: (mode) => {
      run('pg_ctlcluster', ['--skip-systemctl-redirect', '15', name, 'stop', '-m', mode]);
    },
    drop: () => {
      try {
        run('pg_dropcluster', ['--stop', '15', name]);
      } catch {
        rmSync(dataDirectory(name), { recursive: true, force: true });
      }
      rmSync(`/var/log/postgresql/postgresql-15-${name}.log`, { force: true });
    },
  };
};

/** A streaming replica of `primary` (running), filled by `pg_basebackup`, started. */
export const createReplica = (
  primary: ThrowawayCluster,
  name: string,
  port: number,
): ThrowawayCluster => {
  const replica = createCluster(name, port);
  const data = dataDirectory(name);
  for (const entry of readdirSync(data)) rmSync(`${data}/${entry}`, { recursive: true });
  run('runuser', [
    '-u',
    'postgres',
    '--',
    'pg_basebackup',
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  replica.start();
  return replica;
};
