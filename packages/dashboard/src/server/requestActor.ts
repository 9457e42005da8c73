import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor } from '../api/actor.js';
import { verifyActorToken } from './actorTokens.js';

/** The cookie a browser carries its signed actor token in. */
export const TOKEN_COOKIE = 'clientele_token';

/** How requests say who makes them. */
export interface ActorSource {
  /** The actor of requests that carry no token (the `--actor` the server was started with). */
  readonly startupActor?: Actor | undefined;
  /** The secret tokens are signed with; without it, tokens are not accepted. */
  readonly tokenSecret?: string | undefined;
}

/** Who makes a request, or why nobody is known. */
export type RequestActor =
  | { readonly kind: 'actor'; readonly actor: Actor }
  | { readonly kind: 'unknown'; readonly reason: string };

const bearer = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;

/**
 * The actor of a request: the one a signed token names (an `Authorization: Bearer` header or the
 * token cookie), else the startup actor. A token that does not verify never falls back to the
 * startup actor, and a query parameter never names anyone.
 */
export const requestActor = async (
  context: Context,
  source: ActorSource,
): Promise<RequestActor> => {
  const token = bearer(context.req.header('authorization')) ?? getCookie(context, TOKEN_COOKIE);
  if (token !== undefined) {
    if (source.tokenSecret === undefined)
      return { kind: 'unknown', reason: 'this dashboard was started without a token secret' };
    const actor = await verifyActorToken(token, source.tokenSecret);
    return actor === undefined
      ? { kind: 'unknown', reason: 'the token is not valid (bad signature, expired or malformed)' }
      : { kind: 'actor', actor };
  }
  return source.startupActor === undefined
    ? { kind: 'unknown', reason: 'sign in with a token: this dashboard has no startup actor' }
    : { kind: 'actor', actor: source.startupActor };
};
