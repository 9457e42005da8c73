import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor } from '../api/actor.js';

/** The cookie a browser carries its signed actor token in. */
export const TOKEN_COOKIE = 'clientele_token';

/** Who makes a request, or why nobody is known. */
export type RequestActor =
  | { readonly kind: 'actor'; readonly actor: Actor }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * Checks a signed actor token: the actor it names, or why it is refused (expired, wrong issuer,
 * a signature that does not match…). `clientele serve` passes the command line's own check, so
 * one issuer token works for both.
 */
export type ActorTokenVerifier = (token: string) => Promise<RequestActor>;

/** How requests say who makes them. */
export interface ActorSource {
  /** The actor of requests that carry no token (the `--actor` the server was started with). */
  readonly startupActor?: Actor | undefined;
  /** Checks the tokens requests carry; without it, a request with a token is refused. */
  readonly verifyToken?: ActorTokenVerifier | undefined;
}

/** Query parameters that look like a token: refused, never read (URLs end up in logs and history). */
const TOKEN_PARAMETERS = ['token', 'access_token', 'id_token', 'jwt'];

const bearer = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;

/**
 * The actor of a request: the one a signed token names (an `Authorization: Bearer` header or the
 * token cookie), else the startup actor. A token that does not verify never falls back to the
 * startup actor, and a token in the query string is refused, not read.
 */
export const requestActor = async (
  context: Context,
  source: ActorSource,
): Promise<RequestActor> => {
  const query = context.req.query();
  if (TOKEN_PARAMETERS.some((name) => query[name] !== undefined))
    return {
      kind: 'unknown',
      reason:
        'a token is never accepted in a query string: send it as an Authorization: Bearer header',
    };
  const token = bearer(context.req.header('authorization')) ?? getCookie(context, TOKEN_COOKIE);
  if (token !== undefined) {
    if (source.verifyToken === undefined)
      return {
        kind: 'unknown',
        reason: 'this dashboard was started without trusted token keys, so it accepts no token',
      };
    return source.verifyToken(token);
  }
  return source.startupActor === undefined
    ? { kind: 'unknown', reason: 'sign in with a token: this dashboard has no startup actor' }
    : { kind: 'actor', actor: source.startupActor };
};
