import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { JWK } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../exitCodes.js';
import { recordingIo } from '../../test/support/recordingIo.js';
import type { TokenTrust } from './actorToken.js';
import { verifyActorToken } from './actorToken.js';
import { commandActor } from './commandLineActor.js';

const ISSUER = 'https://sso.acme.example';
const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!');
const hmacKey: JWK = { kty: 'oct', kid: 'hmac-2026', k: Buffer.from(secret).toString('base64url') };
let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let trust: TokenTrust;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  signingKey = pair.privateKey;
  trust = {
    issuer: ISSUER,
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'ed-2026' }, hmacKey],
  };
});

const signed = (
  claims: Record<string, unknown>,
  options: { kid?: string; issuer?: string; expires?: string | number } = {},
) =>
  new SignJWT({ roles: ['sales_rep'], ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: options.kid ?? 'ed-2026' })
    .setSubject('rep-ada')
    .setIssuer(options.issuer ?? ISSUER)
    .setExpirationTime(options.expires ?? '1h')
    .sign(signingKey);

describe('signed actor tokens', () => {
  it('name the actor and their role when signed by a trusted Ed25519 key', async () => {
    expect(await verifyActorToken(await signed({}), trust)).toEqual(
      E.right({ id: 'rep-ada', role: 'sales_rep' }),
    );
  });

  it('are accepted when signed with a trusted HMAC secret', async () => {
    const token = await new SignJWT({ roles: ['auditor'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'hmac-2026' })
      .setSubject('aud-1')
      .setIssuer(ISSUER)
      .setExpirationTime('10m')
      .sign(secret);
    expect(await verifyActorToken(token, trust)).toEqual(E.right({ id: 'aud-1', role: 'auditor' }));
  });

  it('refuse a forged token, saying its signature does not match', async () => {
    const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ roles: ['administrator'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'ed-2026' })
      .setSubject('rep-ada')
      .setIssuer(ISSUER)
      .setExpirationTime('1h')
      .sign(other.privateKey);
    expect(await verifyActorToken(forged, trust)).toEqual(
      E.left(expect.stringContaining('signature does not match')),
    );
  });

  it('refuse a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await signed({})).split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'rep-ada', iss: ISSUER, exp: 4_102_444_800, roles: ['administrator'] }),
    ).toString('base64url');
    expect(await verifyActorToken(`${header}.${payload}.${signature}`, trust)).toEqual(
      E.left(expect.stringContaining('signature does not match')),
    );
  });

  it('refuse an expired token, saying it expired', async () => {
    const token = await signed({}, { expires: Math.floor(Date.now() / 1000) - 60 });
    expect(await verifyActorToken(token, trust)).toEqual(E.left('the token has expired'));
  });

  it('refuse a token from another issuer, naming the claim', async () => {
    const token = await signed({}, { issuer: 'https://evil.example' });
    expect(await verifyActorToken(token, trust)).toEqual(E.left(expect.stringContaining('iss')));
  });

  it('refuse the HMAC algorithm on a public key, so a public key cannot be used as a secret', async () => {
    const publicJwk = trust.keys[0];
    const confused = await new SignJWT({ roles: ['administrator'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'ed-2026' })
      .setSubject('rep-ada')
      .setIssuer(ISSUER)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect(await verifyActorToken(confused, trust)).toEqual(
      E.left(expect.stringContaining('not signed by a trusted key')),
    );
  });

  it('refuse a key id nobody trusts, which is how a rotated-out key stops working', async () => {
    const token = await signed({}, { kid: 'ed-2025' });
    expect(await verifyActorToken(token, trust)).toEqual(
      E.left(expect.stringContaining('not signed by a trusted key')),
    );
  });

  it('never make a system actor, and need exactly one role', async () => {
    expect(await verifyActorToken(await signed({ roles: ['system'] }), trust)).toEqual(
      E.left('a token cannot make anyone a system actor'),
    );
    expect(await verifyActorToken(await signed({ roles: [] }), trust)).toEqual(
      E.left(expect.stringContaining('exactly one role')),
    );
  });
});

describe('the actor of a command', () => {
  const keyFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clientele-keys-'));
    const file = join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify({ keys: trust.keys }));
    return file;
  };

  it('comes from a verified token, refusing a forged one with exit 4 and the reason', async () => {
    const env = { CLIENTELE_TOKEN_KEYS: keyFile(), CLIENTELE_TOKEN_ISSUER: ISSUER };
    const good = recordingIo({ ...env, CLIENTELE_TOKEN: await signed({}) });
    expect(await commandActor('report', { values: {} }, good)).toEqual(
      E.right({ id: 'rep-ada', role: 'sales_rep' }),
    );
    const forged = recordingIo(env);
    const token = `${await signed({})}x`;
    expect(await commandActor('report', { values: { token } }, forged)).toEqual(
      E.left(ExitCode.forbidden),
    );
    expect(forged.err.join('')).toMatch(/^clientele report: refused: .*signature/);
  });

  it('is refused when only asserted against a shared store, saying --actor is for local files', async () => {
    const io = recordingIo({ CLIENTELE_ACTOR: 'admin-1:administrator' });
    const values = { store: 'postgres://postgres@127.0.0.1/crm' };
    expect(await commandActor('report', { values }, io)).toEqual(E.left(ExitCode.forbidden));
    expect(io.err.join('')).toContain('accepted for local store files only');
    expect(io.err.join('')).not.toContain('127.0.0.1/crm?');
  });

  it('may be asserted for a local store file', async () => {
    const io = recordingIo({ CLIENTELE_ACTOR: 'admin-1:administrator' });
    expect(await commandActor('report', { values: { store: 'sqlite:./crm.db' } }, io)).toEqual(
      E.right({ id: 'admin-1', role: 'administrator' }),
    );
  });
});
