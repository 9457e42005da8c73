import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import { ProjectionNotBuiltError } from './activeDocuments.js';

/**
 * A read asked of a projection that has never finished a build (before the runner's first
 * catch-up): answered as a value, like a denial, so a report never throws for it.
 */
export interface ProjectionNotBuilt {
  readonly kind: 'ProjectionNotBuilt';
  readonly projectionName: string;
  /** `projection leads has no active build yet: run the projections first`. */
  readonly message: string;
}

/** Why a report or query answered no rows: the reader may not read them, or they are not built. */
export type ReadRefusal = AuthorizationDenial | ProjectionNotBuilt;

/**
 * Runs a read whose failures are values, and answers a projection without a build as one more
 * value instead of the error the document reads throw for it.
 */
export const answerUnbuilt = async <L, A>(
  read: () => Promise<E.Either<L, A>>,
): Promise<E.Either<L | ProjectionNotBuilt, A>> => {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof ProjectionNotBuiltError)) throw error;
    return E.left({
      kind: 'ProjectionNotBuilt',
      projectionName: error.projectionName,
      message: error.message,
    });
  }
};
