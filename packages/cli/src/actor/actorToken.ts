import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import type { JWK, JWTHeaderParameters } from 'jose';
import { errors, importJWK, jwtVerify } from 'jose';
import type { Actor } from '@clientele/eventstore';
import { SYSTEM_ROLE } from '@clientele/eventstore';

/** The variable holding a signed actor token when `--token` is not given. */
export const TOKEN_VARIABLE = 'CLIENTELE_TOKEN';
/** The variable naming the key file tokens are checked with (a JSON Web Key Set). */
export const TOKEN_KEYS_VARIABLE = 'CLIENTELE_TOKEN_KEYS';
/** The variable naming the issuer tokens must come from (their `iss`). */
export const TOKEN_ISSUER_VARIABLE = 'CLIENTELE_TOKEN_ISSUER';

/**
 * The algorithm each kind of key may sign with: Ed25519 public keys (`OKP`) verify EdDSA, shared
 * secrets (`oct`) HMAC-SHA-256. A token cannot choose another pairing (no algorithm confusion).
 */
const ALGORITHMS_OF: Readonly<Record<string, readonly string[]>> = {
  OKP: ['EdDSA', 'Ed25519'],
  oct: ['HS256'],
};

/** What checking a token needs: the keys by id and the issuer they must come from. */
export interface TokenTrust {
  readonly keys: readonly JWK[];
  readonly issuer: string;
}

const keyFor = async (header: JWTHeaderParameters, trust: TokenTrust) => {
  const key = trust.keys.find((candidate) => candidate.kid === header.kid);
  if (key === undefined)
    throw new errors.JWKSNoMatchingKey(`no key with id ${JSON.stringify(header.kid)}`);
  const allowed = ALGORITHMS_OF[key.kty ?? ''] ?? [];
  if (!allowed.includes(header.alg))
    throw new errors.JOSEAlgNotAllowed(`key ${String(key.kid)} does not sign with ${header.alg}`);
  return importJWK(key, header.alg);
};

/** Why a token was refused, in words a user can act on. */
const refusalOf = (error: unknown): string => {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'the token’s signature does not match its key (forged or altered)';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token’s ${error.claim} claim is not accepted (${error.reason})`;
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed)
    return `the token is not signed by a trusted key: ${error.message}`;
  if (error instanceof errors.JOSEError)
    return `the token is not a valid signed token: ${error.message}`;
  throw error;
};

/**
 * The actor a signed token names, or why it is refused. The token must be signed by one of the
 * trusted keys (chosen by its `kid`), come from the trusted issuer, not be expired, and name the
 * actor (`sub`) and exactly one role (`roles`); `system` is never accepted from a token.
 */
export const verifyActorToken = async (
  token: string,
  trust: TokenTrust,
  now?: Date,
): Promise<E.Either<string, Actor>> => {
  try {
    const { payload } = await jwtVerify(token, (header) => keyFor(header, trust), {
      issuer: trust.issuer,
      algorithms: Object.values(ALGORITHMS_OF).flat(),
      requiredClaims: ['iss', 'sub', 'exp'],
      ...(now === undefined ? {} : { currentDate: now }),
    });
    const roles = payload['roles'];
    if (!Array.isArray(roles) || roles.length !== 1 || typeof roles[0] !== 'string')
      return E.left('the token must name exactly one role in its roles claim');
    const [role] = roles as [string];
    if (role === SYSTEM_ROLE) return E.left('a token cannot make anyone a system actor');
    return E.right({ id: payload.sub ?? '', role });
  } catch (error) {
    return E.left(refusalOf(error));
  }
};

/**
 * The trusted keys and issuer from the environment: `CLIENTELE_TOKEN_KEYS` names a JSON file
 * `{ "keys": [JWK, …] }` (Ed25519 public keys and HMAC secrets, each with a `kid`), and
 * `CLIENTELE_TOKEN_ISSUER` the issuer. Several keys may be trusted at once: that is how keys are
 * rotated (see docs/security.md).
 */
export const tokenTrustFrom = async (
  env: Readonly<Record<string, string | undefined>>,
): Promise<E.Either<string, TokenTrust>> => {
  const file = env[TOKEN_KEYS_VARIABLE];
  const issuer = env[TOKEN_ISSUER_VARIABLE];
  if (file === undefined || file === '' || issuer === undefined || issuer === '')
    return E.left(
      `a token can only be checked with ${TOKEN_KEYS_VARIABLE} (the key file) and ${TOKEN_ISSUER_VARIABLE} set`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return E.left(`${TOKEN_KEYS_VARIABLE} ${file} could not be read as JSON: ${String(error)}`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.some((key) => typeof (key as JWK).kid !== 'string'))
    return E.left(
      `${TOKEN_KEYS_VARIABLE} ${file} must hold { "keys": [...] }, each key with a kid`,
    );
  return E.right({ keys: keys as JWK[], issuer });
};
