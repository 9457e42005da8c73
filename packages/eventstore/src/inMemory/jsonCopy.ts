import { stringifyJson } from '../envelope/json.js';

/**
 * A deep copy through JSON, with the same rules a durable engine applies when it serializes:
 * bigints become decimal strings, `undefined` members disappear, a cycle throws.
 */
export const jsonCopy = <T>(value: T): T => JSON.parse(stringifyJson(value)) as T;

/** Freezes an object graph so what the in-memory engine hands out cannot be edited in place. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
};
