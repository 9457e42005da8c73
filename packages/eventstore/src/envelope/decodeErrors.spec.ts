import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { DecodeError, formatValidationErrors } from './decodeErrors.js';
import { EventMetadata } from './metadata.js';
import { BigIntFromString, stringifyJson } from './json.js';

describe('decoding errors', () => {
  it('name the field path and the reason, leaving out union and intersection members', () => {
    const result = EventMetadata.decode({
      occurredAt: 'yesterday',
      actor: { id: 7, role: 'rep' },
      correlationId: 'c',
      causationId: null,
      commandId: 'x',
      schemaVersion: 0,
    });
    if (result._tag === 'Right') throw new Error('expected a failure');
    const lines = formatValidationErrors(result.left);
    expect(lines).toContain('occurredAt: expected IsoInstant, got "yesterday"');
    expect(lines).toContain('actor.id: expected string, got 7');
    expect(lines).toContain('schemaVersion: expected SchemaVersion, got 0');
  });

  it('carry every problem in a DecodeError', () => {
    const result = t.type({ a: t.string }).decode({});
    if (result._tag === 'Right') throw new Error('expected a failure');
    const error = new DecodeError('the row', result.left);
    expect(error.message).toBe('the row is not valid: a: expected string, got nothing');
  });
});

describe('bigints in JSON', () => {
  it('are written as decimal strings and read back exactly', () => {
    expect(stringifyJson({ n: 2n ** 64n })).toBe('{"n":"18446744073709551616"}');
    expect(BigIntFromString.decode('18446744073709551616')).toEqual({
      _tag: 'Right',
      right: 2n ** 64n,
    });
    expect(BigIntFromString.decode('1.5')._tag).toBe('Left');
  });
});
