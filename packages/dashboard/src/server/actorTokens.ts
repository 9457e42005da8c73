import { sign, verify } from 'hono/jwt';
import type { Actor } from '../api/actor.js';

const ALGORITHM = 'HS256';

/** The shortest secret tokens are signed with, in characters: HMAC-SHA-256 wants a key of at least 32 bytes. */
export const MIN_SECRET_LENGTH = 32;

/**
 * A token that lets a browser act as `actor` on a dashboard started with the same secret: a JWT
 * signed with HMAC-SHA-256, the actor's id as `sub` and their role as `role`, valid for
 * `hours` hours.
 */
export const signActorToken = (actor: Actor, secret: string, hours = 12): Promise<string> =>
  sign(
    {
      sub: actor.id,
      role: actor.role,
      exp: Math.floor(Date.now() / 1000) + Math.round(hours * 3600),
    },
    secret,
    ALGORITHM,
  );

/** The actor a token names, or undefined when its signature, expiry or claims are not right. */
export const verifyActorToken = async (
  token: string,
  secret: string,
): Promise<Actor | undefined> => {
  try {
    const claims = await verify(token, secret, ALGORITHM);
    const { sub, role } = claims;
    return typeof sub === 'string' && typeof role === 'string' && sub !== '' && role !== ''
      ? { id: sub, role }
      : undefined;
  } catch {
    // A bad signature, an expired token and a malformed one are all "not signed in".
    return undefined;
  }
};
