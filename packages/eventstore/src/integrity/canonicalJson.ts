/**
 * Canonical JSON, so anyone can recompute a hash from the stored fields: object keys sorted by
 * UTF-16 code unit, no whitespace, strings and finite numbers as `JSON.stringify` writes them
 * (the same rules as RFC 8785 for the values Clientele stores). Bigints are decimal strings, as
 * everywhere in the log. `undefined` members are left out, as JSON leaves them out.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TypeError(`${value} cannot be written as canonical JSON`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // The default sort orders strings by UTF-16 code unit, as the rules above ask.
    const keys = Object.keys(record).sort();
    let text = '';
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    }
    return `{${text}}`;
  }
  throw new TypeError(`a ${typeof value} cannot be written as canonical JSON`);
};
