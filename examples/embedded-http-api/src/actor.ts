import * as E from 'fp-ts/lib/Either.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '@clientele/eventstore';
import type { TokenTrust } from '@clientele/cli';
import { verifyActorToken } from '@clientele/cli';
import type { Problem } from './problem.js';
import { problem, problemResponse } from './problem.js';

/** The actors that a checked token named, per request context (middleware may replace the raw request). */
const authenticated = new WeakMap<Context, Actor>();

/**
 * Checks every request's `Authorization: Bearer <token>` (except `GET /openapi.json` and the
 * problem pages) with `jose`, against the trusted keys and issuer, and refuses a missing, forged,
 * expired or untrusted token with 401 and the reason. The token's actor then replaces any
 * `X-Actor` header, which is no longer believed.
 */
export const actorTokens =
  (trust: TokenTrust): MiddlewareHandler =>
  async (c, next) => {
    const path = c.req.path;
    if (path === '/openapi.json' || path.startsWith('/problems/')) {
      await next();
      return;
    }
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const actor =
      token === undefined
        ? E.left('send a signed actor token: Authorization: Bearer <token>')
        : await verifyActorToken(token, trust);
    if (E.isLeft(actor)) return problemResponse(problem('unauthenticated', actor.left), path);
    authenticated.set(c, actor.right);
    await next();
    return undefined;
  };

/** The request's actor: the one its checked token named, else its `X-Actor` header. */
export const requestActor = (c: Context): E.Either<Problem, Actor> => {
  const fromToken = authenticated.get(c);
  return fromToken === undefined ? actorOf(c.req.header('x-actor')) : E.right(fromToken);
};

/** The header naming who acts, `id:role`, as the `--actor` option of the command line does. */
export const ACTOR_HEADER = 'x-actor';

const ACTOR_PATTERN = /^([^:\s]+):([a-z_]+)$/;

/**
 * The caller as the `X-Actor: id:role` header names them. The header is asserted, not
 * authenticated: put this service behind a proxy that authenticates users and sets the header,
 * and never let a client set it directly.
 */
export const actorOf = (header: string | undefined): E.Either<Problem, Actor> => {
  const match = header === undefined ? null : ACTOR_PATTERN.exec(header.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) {
    return E.left(
      problem('invalid-request', 'say who acts in the X-Actor header, as id:role', {
        errors: [
          {
            field: 'X-Actor',
            reason:
              header === undefined ? 'required' : `expected id:role, got ${JSON.stringify(header)}`,
          },
        ],
      }),
    );
  }
  return E.right({ id: match[1], role: match[2] });
};
