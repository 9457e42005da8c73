import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

/** The issuer the bench's tokens name and its key file trusts. */
const ISSUER = 'clientele-bench';

/**
 * What a spawned CLI needs to act on a shared store (PostgreSQL), which refuses an asserted
 * `--actor`: a signed administrator token and the key file that checks it, made fresh for one
 * run with a random secret, and a `remove` that deletes the key file.
 */
export const benchTokenEnvironment = async (): Promise<{
  readonly environment: Readonly<Record<string, string>>;
  readonly remove: () => void;
}> => {
  const secret = randomBytes(32);
  const dir = mkdtempSync(join(tmpdir(), 'clientele-bench-keys-'));
  const keys = join(dir, 'keys.json');
  writeFileSync(
    keys,
    JSON.stringify({ keys: [{ kty: 'oct', kid: 'bench', k: secret.toString('base64url') }] }),
  );
  const token = await new SignJWT({ roles: ['administrator'] })
    .setProtectedHeader({ alg: 'HS256', kid: 'bench' })
    .setSubject('bench')
    .setIssuer(ISSUER)
    .setExpirationTime('1h')
    .sign(secret);
  return {
    environment: {
      CLIENTELE_TOKEN: token,
      CLIENTELE_TOKEN_KEYS: keys,
      CLIENTELE_TOKEN_ISSUER: ISSUER,
    },
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
