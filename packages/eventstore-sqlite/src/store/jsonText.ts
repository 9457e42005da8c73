import { stringifyJson } from '@clientele/eventstore';

/**
 * The JSON text stored for a caller's value, byte for byte what `stringifyJson` writes. Plain
 * `JSON.stringify` is tried first because it is several times faster without a replacer; it throws
 * only on a bigint (or a cycle), and then the replacer writes bigints as decimal strings.
 */
export const jsonText = (value: unknown): string => {
  try {
    return JSON.stringify(value);
  } catch {
    return stringifyJson(value);
  }
};
