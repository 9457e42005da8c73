import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs integrity anchors (seals, exported log heads) with a key held outside the store, so that
 * someone with write access to the store cannot recompute them. Plug a KMS or HSM behind it.
 */
export interface Signer {
  /** Names the key, so a verifier knows which key to check with after a rotation. */
  readonly keyId: string;
  sign(message: string): Promise<string>;
  verify(message: string, signature: string): Promise<boolean>;
}

/** An HMAC-SHA-256 signer over a secret of at least 32 bytes. */
export const createHmacSigner = (keyId: string, secret: Uint8Array): Signer => {
  if (secret.byteLength < 32)
    throw new RangeError('an HMAC signing secret needs at least 32 bytes');
  const mac = (message: string) => createHmac('sha256', secret).update(message, 'utf8').digest();
  return {
    keyId,
    sign: async (message) => mac(message).toString('hex'),
    verify: async (message, signature) => {
      const expected = mac(message);
      const given = Buffer.from(signature, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
};
