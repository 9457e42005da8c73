import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), as plain JSON data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A codec the converter could not describe, and where it sits. */
export interface SchemaGap {
  /** Dotted path from the root codec; `[]` stands for any element of an array. */
  readonly path: string;
  /** The codec's io-ts name. */
  readonly codec: string;
  readonly reason: string;
}

/** Options of {@link toJsonSchema}. */
export interface JsonSchemaOptions {
  /**
   * Schemas of the codecs a walk cannot see into, by io-ts name: a hand-written `t.Type` is
   * replaced by its entry; a refinement or brand keeps its base type's schema with the entry's
   * keywords laid over it (`{ type: 'integer', minimum: 0 }` over `{ type: 'number' }`).
   */
  readonly named?: Readonly<Record<string, JsonSchema>>;
  /**
   * Consulted before the built-in rules, for codecs that carry their own meaning (a personal
   * field); `convert` converts a member codec at a path. Undefined falls through to the rules.
   */
  readonly describe?: (
    codec: t.Mixed,
    convert: (member: t.Mixed, path: string) => JsonSchema,
    path: string,
  ) => JsonSchema | undefined;
}

/** The dialect every produced root schema declares. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** io-ts's own brands. */
const IO_TS_BRANDS: Readonly<Record<string, JsonSchema>> = { Int: { type: 'integer' } };

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** A name worth showing as a title: one a codec was given, not io-ts's generated `{ a: string }`. */
const titleOf = (codec: t.Mixed): JsonSchema =>
  /^[A-Za-z][\w]*$/.test(codec.name) ? { title: codec.name } : {};

const OBJECT_KEYWORDS = new Set(['type', 'properties', 'required', 'title']);

/** Whether a schema is a plain object schema that can be merged with another one. */
const isPlainObject = (schema: JsonSchema): boolean =>
  schema['type'] === 'object' && Object.keys(schema).every((key) => OBJECT_KEYWORDS.has(key));

/** One object schema from the members of an intersection of object codecs. */
const mergeObjects = (schemas: readonly JsonSchema[], title: JsonSchema): JsonSchema => {
  const properties = Object.assign(
    {},
    ...schemas.map((schema) => schema['properties'] as Record<string, JsonSchema>),
  ) as Record<string, JsonSchema>;
  const required = schemas.flatMap((schema) => (schema['required'] as string[] | undefined) ?? []);
  return {
    ...title,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required: [...new Set(required)] } : {}),
  };
};

/** Converts a member codec at a path. */
type Convert = (member: t.Mixed, path: string) => JsonSchema;

const objectSchema = (
  props: Record<string, t.Mixed>,
  required: boolean,
  convert: Convert,
  path: string,
): JsonSchema => {
  const keys = Object.keys(props);
  return {
    type: 'object',
    properties: Object.fromEntries(
      keys.map((key) => [key, convert(props[key] as t.Mixed, join(path, key))]),
    ),
    ...(required && keys.length > 0 ? { required: keys } : {}),
  };
};

/** What a rule needs besides the codec: the recursive converter, the named schemas, the gaps. */
interface Walk {
  readonly convert: Convert;
  readonly named: Readonly<Record<string, JsonSchema>>;
  readonly gap: (member: t.Mixed, path: string, reason: string) => JsonSchema;
}

/** A rule describes the codecs of one io-ts kind and returns undefined for every other. */
type Rule = (member: t.Mixed, path: string, walk: Walk) => JsonSchema | undefined;

const objectRule: Rule = (member, path, { convert }) => {
  if (!(member instanceof t.InterfaceType || member instanceof t.PartialType)) return undefined;
  const props = member.props as Record<string, t.Mixed>;
  const object = objectSchema(props, member instanceof t.InterfaceType, convert, path);
  return { ...titleOf(member), ...object };
};

const intersectionRule: Rule = (member, path, { convert }) => {
  if (!(member instanceof t.IntersectionType)) return undefined;
  const schemas = (member.types as t.Mixed[]).map((type) => convert(type, path));
  return schemas.every(isPlainObject)
    ? mergeObjects(schemas, titleOf(member))
    : { ...titleOf(member), allOf: schemas };
};

const unionRule: Rule = (member, path, { convert }) => {
  if (!(member instanceof t.UnionType)) return undefined;
  const types = member.types as t.Mixed[];
  if (types.every((type) => type instanceof t.LiteralType)) {
    return { ...titleOf(member), enum: types.map((type) => (type as t.LiteralC<string>).value) };
  }
  return { ...titleOf(member), anyOf: types.map((type) => convert(type, path)) };
};

const literalRule: Rule = (member) => {
  if (member instanceof t.LiteralType) return { const: member.value };
  if (member instanceof t.KeyofType) {
    return { ...titleOf(member), enum: Object.keys(member.keys as object) };
  }
  return undefined;
};

const arrayRule: Rule = (member, path, { convert }) => {
  if (member instanceof t.ArrayType || member instanceof t.ReadonlyArrayType) {
    return { type: 'array', items: convert(member.type as t.Mixed, `${path}[]`) };
  }
  if (!(member instanceof t.TupleType)) return undefined;
  const items = (member.types as t.Mixed[]).map((type, index) =>
    convert(type, `${path}[${index}]`),
  );
  return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
};

const dictionaryRule: Rule = (member, path, { convert }) => {
  if (!(member instanceof t.DictionaryType)) return undefined;
  const keys = convert(member.domain as t.Mixed, `${path}{key}`);
  const anyString = keys['type'] === 'string' && Object.keys(keys).length === 1;
  return {
    type: 'object',
    ...(anyString ? {} : { propertyNames: keys }),
    additionalProperties: convert(member.codomain as t.Mixed, `${path}{}`),
  };
};

const wrapperRule: Rule = (member, path, { convert }) => {
  if (!(member instanceof t.ReadonlyType || member instanceof t.ExactType)) return undefined;
  return { ...convert(member.type as t.Mixed, path), ...titleOf(member) };
};

const refinementRule: Rule = (member, path, { convert, named, gap }) => {
  if (!(member instanceof t.RefinementType)) return undefined;
  const over = named[member.name];
  if (over === undefined) {
    return gap(member, path, 'a refinement whose predicate only its name can describe');
  }
  return { ...convert(member.type as t.Mixed, path), ...over };
};

/** Codecs with one fixed schema. */
const LEAVES: readonly (readonly [abstract new (...args: never[]) => t.Mixed, JsonSchema])[] = [
  [t.StringType, { type: 'string' }],
  [t.NumberType, { type: 'number' }],
  [t.BooleanType, { type: 'boolean' }],
  [t.NullType, { type: 'null' }],
  [t.UnknownType, {}],
  [t.AnyDictionaryType, { type: 'object' }],
  [t.AnyArrayType, { type: 'array' }],
];

const leafRule: Rule = (member) => LEAVES.find(([kind]) => member instanceof kind)?.[1];

const RULES: readonly Rule[] = [
  objectRule,
  intersectionRule,
  unionRule,
  literalRule,
  arrayRule,
  dictionaryRule,
  wrapperRule,
  refinementRule,
  leafRule,
];

/**
 * Converts an io-ts codec to the JSON Schema of what it decodes from: the wire form a client
 * sends or a store holds. Covers `type`, `partial`, `intersection`, `union`, `literal`, `keyof`,
 * `array`, `readonlyArray`, `readonly`, `exact`, `record`, `tuple`, `string`, `number`,
 * `boolean`, `null`, `unknown`, refinements and brands; a hand-written `t.Type` or a refinement
 * needs an entry in `options.named`, since only its name is visible from outside.
 *
 * The schema is never stricter than the codec, so a value that decodes always validates. It can
 * be looser: a predicate no keyword expresses (unique stage ids, a real calendar day in an
 * instant) stays with the codec. io-ts keeps unknown properties, so objects allow them.
 *
 * Every codec it cannot describe is returned as a gap, with its path, rather than skipped: a
 * schema that silently said less than the codec would mislead its readers.
 *
 * @example
 * const schema = toJsonSchema(t.type({ name: t.string, tags: t.array(t.string) }));
 * // Right({ type: 'object', properties: { name: { type: 'string' }, tags: {...} }, required: [...] })
 */
export const toJsonSchema = (
  codec: t.Mixed,
  options: JsonSchemaOptions = {},
): E.Either<readonly SchemaGap[], JsonSchema> => {
  const gaps: SchemaGap[] = [];
  const named = { ...IO_TS_BRANDS, ...options.named };
  const gap = (member: t.Mixed, path: string, reason: string): JsonSchema => {
    gaps.push({ path, codec: member.name, reason });
    return {};
  };

  const convert = (member: t.Mixed, path: string): JsonSchema => {
    const described = options.describe?.(member, convert, path);
    if (described !== undefined) return described;
    const walk: Walk = { convert, named, gap };
    for (const rule of RULES) {
      const schema = rule(member, path, walk);
      if (schema !== undefined) return schema;
    }
    return (
      named[member.name] ?? gap(member, path, 'a codec of its own, with no schema named for it')
    );
  };

  const schema = convert(codec, '');
  return gaps.length > 0 ? E.left(gaps) : E.right({ $schema: JSON_SCHEMA_DIALECT, ...schema });
};
