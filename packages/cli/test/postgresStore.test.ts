import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
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

    /** A shared store takes a signed actor token, checked with a key file the operator trusts. */
    const tokenEnvironment = async () => {
      const secret = new TextEncoder().encode('postgres-store-test-secret-32-bytes-long');
      const keys = join(mkdtempSync(join(tmpdir(), 'clientele-keys-')), 'keys.json');
      const k = Buffer.from(secret).toString('base64url');
      writeFileSync(keys, JSON.stringify({ keys: [{ kty: 'oct', kid: 'ops', k }] }));
      const token = await new SignJWT({ roles: ['administrator'] })
        .setProtectedHeader({ alg: 'HS256', kid: 'ops' })
        .setSubject('ops-1')
        .setIssuer('clientele-test')
        .setExpirationTime('5m')
        .sign(secret);
      return {
        CLIENTELE_TOKEN: token,
        CLIENTELE_TOKEN_KEYS: keys,
        CLIENTELE_TOKEN_ISSUER: 'clientele-test',
      };
    };

    it('refuses an asserted actor on a shared store, naming why', async () => {
      const io = recordingIo({ CLIENTELE_ACTOR: 'ops-1:administrator' });
      const code = await runCli(
        commands,
        ['report', 'pipeline', '--store', `${server}?schema=${schema}`],
        io,
      );
      expect(code).toBe(ExitCode.forbidden);
      expect(io.err.join('')).toContain('--actor is asserted, not authenticated');
    });

    it('opens the store and its read models from a postgres:// URL with ?schema=', async () => {
      const io = recordingIo(await tokenEnvironment());
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
