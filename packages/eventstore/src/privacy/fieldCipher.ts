import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { stringifyJson } from '../envelope/json.js';

/** How an encrypted personal field is stored in place of its value. */
export interface EncryptedField {
  /** base64 of iv (12 bytes) | auth tag (16 bytes) | ciphertext of the value's JSON. */
  readonly $encrypted: string;
  readonly keyId: string;
}

/** What a personal field reads as once its subject's key is destroyed. */
export interface ErasedField {
  readonly $erased: true;
}

/** The one erased marker: a forgotten person's fields read as this, everywhere. */
export const ERASED: ErasedField = Object.freeze({ $erased: true as const });

/** Whether a stored value is an encrypted field. */
export const isEncryptedField = (value: unknown): value is EncryptedField =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<EncryptedField>).$encrypted === 'string' &&
  typeof (value as Partial<EncryptedField>).keyId === 'string';

/** Whether a value is the erased marker. */
export const isErasedField = (value: unknown): value is ErasedField =>
  typeof value === 'object' && value !== null && (value as Partial<ErasedField>).$erased === true;

/** Encrypts one field's value (any JSON) with AES-256-GCM under a fresh random IV. */
export const encryptField = (value: unknown, key: Uint8Array, keyId: string): EncryptedField => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(stringifyJson(value), 'utf8'), cipher.final()]);
  return {
    $encrypted: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64'),
    keyId,
  };
};

/** Decrypts a field; a wrong key or a changed byte fails the GCM check and throws. */
export const decryptField = (field: EncryptedField, key: Uint8Array): unknown => {
  const packed = Buffer.from(field.$encrypted, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, 12));
  decipher.setAuthTag(packed.subarray(12, 28));
  const plaintext = Buffer.concat([decipher.update(packed.subarray(28)), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8')) as unknown;
};

/**
 * A copy of stored data with every encrypted field replaced by the erased marker, without any key:
 * for readers that must never see personal values (projections build read models from the raw
 * log this way, so no read model can hold a person's data and none needs rebuilding on erasure).
 */
export const maskEncryptedFields = (value: unknown): unknown => {
  if (isEncryptedField(value)) return ERASED;
  if (Array.isArray(value)) return value.map(maskEncryptedFields);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([name, member]) => [name, maskEncryptedFields(member)]),
    );
  }
  return value;
};
