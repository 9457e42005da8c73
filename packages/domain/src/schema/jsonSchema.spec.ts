import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { schemaValidator } from '../../test/support/schemaValidator.js';
import { JSON_SCHEMA_DIALECT, toJsonSchema } from './jsonSchema.js';

const converted = (codec: t.Mixed, named = {}) => {
  const schema = toJsonSchema(codec, { named });
  if (E.isLeft(schema)) throw new Error(JSON.stringify(schema.left));
  return schema.right;
};

describe('io-ts codecs as JSON Schema', () => {
  it('describes objects with their required and optional properties as one object', () => {
    const codec = t.intersection(
      [t.type({ id: t.string, count: t.number }), t.partial({ note: t.string })],
      'Thing',
    );
    expect(converted(codec)).toEqual({
      $schema: JSON_SCHEMA_DIALECT,
      title: 'Thing',
      type: 'object',
      properties: { id: { type: 'string' }, count: { type: 'number' }, note: { type: 'string' } },
      required: ['id', 'count'],
    });
  });

  it('turns unions of literals and keyof into enums, other unions into anyOf', () => {
    const validate = schemaValidator(
      converted(
        t.type({
          status: t.union([t.literal('open'), t.literal('closed')]),
          kind: t.keyof({ company: null, person: null }),
          owner: t.union([t.string, t.null]),
        }),
      ),
    );
    expect(validate({ status: 'open', kind: 'person', owner: null })).toEqual([]);
    expect(validate({ status: 'gone', kind: 'person', owner: 'a' })).toEqual([
      '/status: must be equal to one of the allowed values',
    ]);
    expect(validate({ status: 'open', kind: 'robot', owner: 1 })).toHaveLength(4);
  });

  it('describes arrays, tuples and records', () => {
    const validate = schemaValidator(
      converted(
        t.type({
          tags: t.readonlyArray(t.string),
          pair: t.tuple([t.string, t.number]),
          counts: t.record(t.string, t.number),
          stages: t.record(t.keyof({ won: null, lost: null }), t.number),
        }),
      ),
    );
    expect(validate({ tags: ['a'], pair: ['x', 1], counts: { a: 1 }, stages: { won: 2 } })).toEqual(
      [],
    );
    expect(
      validate({ tags: [1], pair: ['x'], counts: { a: 'one' }, stages: { draw: 1 } }).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('lays a named refinement or brand over its base type', () => {
    const Percent = t.brand(
      t.number,
      (n): n is t.Branded<number, { readonly Percent: unique symbol }> => n >= 0 && n <= 100,
      'Percent',
    );
    expect(converted(Percent, { Percent: { type: 'integer', maximum: 100 } })).toEqual({
      $schema: JSON_SCHEMA_DIALECT,
      type: 'integer',
      maximum: 100,
    });
    expect(converted(t.type({ n: t.Int })).properties).toEqual({ n: { type: 'integer' } });
  });

  it('names every codec it cannot describe, with its path, instead of leaving it out', () => {
    const Custom = new t.Type<string, string, unknown>(
      'Custom',
      (u): u is string => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
      (s) => s,
    );
    const Even = t.refinement(t.number, (n) => n % 2 === 0, 'Even');
    const schema = toJsonSchema(
      t.type({ a: Custom, list: t.array(t.type({ b: Even })), c: t.undefined }),
    );
    expect(schema).toEqual(
      E.left([
        expect.objectContaining({ path: 'a', codec: 'Custom' }),
        expect.objectContaining({ path: 'list[].b', codec: 'Even' }),
        expect.objectContaining({ path: 'c', codec: 'undefined' }),
      ]),
    );
  });
});
