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

/** Sets a member as JSON.parse would: `__proto__` too becomes an own member, not the prototype. */
const setMember = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
};

// Loops and plain assignment, not map/entries/fromEntries: this runs for every appended event,
// and the walk is what the in-memory engine's appends cost.
const copyObject = (value: object, ancestors: object[]): unknown => {
  if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
  // Dates, class instances and anything with its own `toJSON`: JSON's own rules, in JSON's way.
  if (!Array.isArray(value) && !isPlainObject(value)) return Object.freeze(jsonCopy(value));
  ancestors.push(value);
  let copy: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    // An index loop, not map: a hole in a sparse array is `null` in JSON too.
    const items = value as readonly unknown[];
    const array = new Array<unknown>(items.length);
    for (let index = 0; index < items.length; index += 1) {
      const copied = copyValue(items[index], ancestors);
      array[index] = copied === OMITTED ? null : copied;
    }
    copy = array;
  } else {
    const members = value as Readonly<Record<string, unknown>>;
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(members)) {
      const copied = copyValue(members[key], ancestors);
      if (copied !== OMITTED) setMember(object, key, copied);
    }
    copy = object;
  }
  ancestors.pop();
  return Object.freeze(copy);
};

const copyValue = (value: unknown, ancestors: object[]): unknown => {
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
 * A deep copy as `JSON.parse` of the engines' JSON text would give it (bigints as decimal strings,
 * `undefined` members dropped, a cycle throws), frozen, in one walk over plain data and without
 * writing the JSON text: the in-memory engine's defensive copy of every appended event, and what
 * an engine's cache hands out in place of a read. Anything but plain objects and arrays (a `Date`,
 * a class instance, a `toJSON`) is copied through JSON itself.
 */
export const frozenJsonCopy = <T>(value: T): T => {
  const copied = copyValue(value, []);
  return (copied === OMITTED ? jsonCopy(value) : copied) as T;
};
