import { randomBytes, webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A token issuer for end-to-end tests: an HMAC secret, the key file that trusts it, and a signer. */
export interface TestIssuer {
  /** `CLIENTELE_TOKEN_KEYS` and `CLIENTELE_TOKEN_ISSUER` for a spawned `clientele`. */
  readonly environment: Readonly<Record<string, string>>;
  /** A signed actor token (HS256, signed with WebCrypto as an issuer would) for `actor`, valid for an hour. */
  sign(actor: { readonly id: string; readonly role: string }): Promise<string>;
  /** Deletes the key file. */
  remove(): void;
}

const ISSUER = 'clientele-e2e';
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A fresh issuer with a random secret, trusted through a key file in a temporary folder. */
export const createTestIssuer = (): TestIssuer => {
  const secret = randomBytes(32);
  const dir = mkdtempSync(join(tmpdir(), 'clientele-e2e-keys-'));
  const keys = join(dir, 'keys.json');
  writeFileSync(
    keys,
    JSON.stringify({ keys: [{ kty: 'oct', kid: 'e2e', k: secret.toString('base64url') }] }),
  );
  return {
    environment: { CLIENTELE_TOKEN_KEYS: keys, CLIENTELE_TOKEN_ISSUER: ISSUER },
    sign: async (actor) => {
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const unsigned = `${part({ alg: 'HS256', typ: 'JWT', kid: 'e2e' })}.${part({ sub: actor.id, roles: [actor.role], iss: ISSUER, exp })}`;
      const key = await webcrypto.subtle.importKey(
        'raw',
        secret,
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      const signature = await webcrypto.subtle.sign(
        'HMAC',
        key,
        new TextEncoder().encode(unsigned),
      );
      return `${unsigned}.${Buffer.from(signature).toString('base64url')}`;
    },
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
