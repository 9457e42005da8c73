import * as E from 'fp-ts/lib/Either.js';
import type { Signer } from '@clientele/eventstore';
import { createHmacSigner } from '@clientele/eventstore';

/**
 * The seal signer of `CLIENTELE_SIGNING_KEY` (64 or more hex characters, kept outside the store)
 * and `CLIENTELE_SIGNING_KEY_ID`; undefined when no key is set, a message when it is malformed.
 */
export const signerFrom = (
  env: Readonly<Record<string, string | undefined>>,
): E.Either<string, Signer | undefined> => {
  const hex = env['CLIENTELE_SIGNING_KEY'];
  if (hex === undefined) return E.right(undefined);
  if (!/^[0-9a-fA-F]{64,}$/.test(hex))
    return E.left('CLIENTELE_SIGNING_KEY must be at least 64 hex characters (32 bytes)');
  return E.right(
    createHmacSigner(env['CLIENTELE_SIGNING_KEY_ID'] ?? 'default', Buffer.from(hex, 'hex')),
  );
};
