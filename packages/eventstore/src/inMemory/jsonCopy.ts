import { stringifyJson } from '../envelope/json.js';

/**
 * A deep copy through JSON, with the same rules a durable engine applies when it serializes:
 * bigints become decimal strings, `undefined` members disappear, a cycle throws.
 */
export const jsonCopy = <T>(value: T): T => JSON.parse(stringifyJson(value)) as T;

/** A member JSON leaves out of an object (and writes as `null` in an array). */
const OMITTED = Symbol('omitted');

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
};

const copyObject = (value: object, ancestors: Set<object>): unknown => {
  if (ancestors.has(value)) throw new TypeError('Converting circular structure to JSON');
  // Dates, class instances and anything with its own `toJSON`: JSON's own rules, in JSON's way.
  if (!Array.isArray(value) && !isPlainObject(value)) return Object.freeze(jsonCopy(value));
  ancestors.add(value);
  const copy = Array.isArray(value)
    ? // Array.from, not map: a hole in a sparse array is `null` in JSON too.
      Array.from(value, (member: unknown) => {
        const copied = copyValue(member, ancestors);
        return copied === OMITTED ? null : copied;
      })
    : Object.fromEntries(
        Object.entries(value)
          .map(([key, member]) => [key, copyValue(member, ancestors)] as const)
          .filter(([, copied]) => copied !== OMITTED),
      );
  ancestors.delete(value);
  return Object.freeze(copy);
};

const copyValue = (value: unknown, ancestors: Set<object>): unknown => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes -0 as 0, and no infinity or NaN.
      return Number.isFinite(value) ? value + 0 : null;
    case 'bigint':
      return value.toString();
    case 'object':
      return value === null ? null : copyObject(value, ancestors);
    case 'undefined':
    case 'function':
    case 'symbol':
      return OMITTED;
  }
};

/**
 * {@link jsonCopy}'s result, frozen, in one walk over plain data and without writing the JSON text:
 * the in-memory engine's defensive copy of every appended event. Anything but plain objects and
 * arrays (a `Date`, a class instance, a `toJSON`) is copied through JSON itself.
 */
export const frozenJsonCopy = <T>(value: T): T => {
  const copied = copyValue(value, new Set());
  return (copied === OMITTED ? jsonCopy(value) : copied) as T;
};
