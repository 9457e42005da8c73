import type * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { defaultRolePolicy, noTeams } from '@clientele/domain';
import type { ReadAccess } from '../access/readAccess.js';
import { readAccess } from '../access/readAccess.js';

/** An administrator's access: every read, every record. For specs about figures, not access. */
export const administratorAccess: ReadAccess = readAccess(defaultRolePolicy, noTeams, {
  id: 'test-administrator',
  role: 'administrator',
});

/** The result of a read that must be allowed; a denial fails the spec with its reason. */
export const allowed = async <A>(read: Promise<E.Either<AuthorizationDenial, A>>): Promise<A> => {
  const result = await read;
  if (result._tag === 'Left')
    throw new Error(`read refused: ${result.left.permission}: ${result.left.reason}`);
  return result.right;
};
