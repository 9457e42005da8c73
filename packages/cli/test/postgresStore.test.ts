import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { describeWhenAvailable } from '../../../test/support/requireService.js';
import { recordingIo } from '../src/testIo.js';

const server = process.env['CLIENTELE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const schema = `cli_test_${process.pid}_${Date.now()}`;

const reachable = async (): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${server} is not reachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
};

const unavailable = await reachable();

describeWhenAvailable('clientele against a PostgreSQL store', unavailable, () => {
  const dropSchemas = async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(
      `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_read_models CASCADE`,
    );
    await client.end();
  };
  beforeAll(dropSchemas);
  afterAll(dropSchemas);

  it('opens the store and its read models from a postgres:// URL with ?schema=', async () => {
    const io = recordingIo();
    const code = await runCli(
      commands,
      ['report', 'pipeline', '--store', `${server}?schema=${schema}`],
      io,
    );
    expect(io.err.join('')).toBe('');
    expect(code).toBe(ExitCode.ok);
    expect(io.out.join('')).toContain('Pipeline and forecast');
  });
});
