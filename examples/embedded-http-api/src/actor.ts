import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import type { Problem } from './problem.js';
import { problem } from './problem.js';

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
