import type * as E from 'fp-ts/lib/Either.js';
import { defaultRolePolicy, noTeams } from '@clientele/domain';
import type { ReadAccess } from '../access/readAccess.js';
import { readAccess } from '../access/readAccess.js';
import type { ReadRefusal } from '../store/projectionNotBuilt.js';

/** An administrator's access: every read, every record. For specs about figures, not access. */
export const administratorAccess: ReadAccess = readAccess(defaultRolePolicy, noTeams, {
  id: 'test-administrator',
  role: 'administrator',
});

/** The result of a read that must be allowed; a refusal fails the spec with its reason. */
export const allowed = async <A>(read: Promise<E.Either<ReadRefusal, A>>): Promise<A> => {
  const result = await read;
  if (result._tag === 'Left')
    throw new Error(
      result.left.kind === 'AuthorizationDenied'
        ? `read refused: ${result.left.permission}: ${result.left.reason}`
        : result.left.message,
    );
  return result.right;
};
