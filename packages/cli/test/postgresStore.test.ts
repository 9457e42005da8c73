import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands, ExitCode, runCli } from '@clientele/cli';
import { describeWhenAvailable } from '../../../test/support/requireService.js';
import { connectionString, probePostgres, uniqueSchema } from '../../../test/support/postgres.js';
import { recordingIo } from './support/recordingIo.js';

const server = connectionString;
const schema = uniqueSchema();
const available = await probePostgres();

describeWhenAvailable(
  'clientele against a PostgreSQL store',
  available ? undefined : 'PostgreSQL is not reachable',
  () => {
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
      const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
      const code = await runCli(
        commands,
        ['report', 'pipeline', '--store', `${server}?schema=${schema}`],
        io,
      );
      expect(io.err.join('')).toBe('');
      expect(code).toBe(ExitCode.ok);
      expect(io.out.join('')).toContain('Pipeline and forecast');
    });
  },
);
