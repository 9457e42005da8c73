import type { JsonSchema } from '../jsonSchema.js';

/** Keywords that explain a schema and never change which values it accepts. */
const ANNOTATIONS = new Set(['title', 'description', '$schema', 'examples', '$comment']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const withoutAnnotations = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ANNOTATIONS.has(key))
      .map(([key, inner]) => [key, withoutAnnotations(inner)]),
  );
};

const sameValidation = (a: unknown, b: unknown): boolean =>
  JSON.stringify(withoutAnnotations(a)) === JSON.stringify(withoutAnnotations(b));

const stringsOf = (value: unknown): readonly string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const join = (path: string, field: string): string => (path === '' ? field : `${path}.${field}`);

const propertiesOf = (schema: JsonSchema): Record<string, JsonSchema> =>
  isObject(schema['properties']) ? (schema['properties'] as Record<string, JsonSchema>) : {};

/** An object schema that keeps every field and asks for nothing new accepts what the old one did. */
const objectChanges = (before: JsonSchema, after: JsonSchema, path: string): string[] => {
  const problems: string[] = [];
  const required = new Set(stringsOf(before['required']));
  for (const field of stringsOf(after['required'])) {
    if (!required.has(field)) problems.push(`${join(path, field)}: now required`);
  }
  const afterProperties = propertiesOf(after);
  for (const [field, schema] of Object.entries(propertiesOf(before))) {
    const next = afterProperties[field];
    if (next === undefined) problems.push(`${join(path, field)}: removed`);
    else problems.push(...incompatibilities(schema, next, join(path, field)));
  }
  const rest = (schema: JsonSchema) =>
    Object.fromEntries(
      Object.entries(schema).filter(([key]) => !['properties', 'required'].includes(key)),
    );
  if (!sameValidation(rest(before), rest(after)))
    problems.push(`${path || '(root)'}: object rules changed`);
  return problems;
};

/** Each old alternative must still be accepted by one of the new ones. */
const alternativeChanges = (before: JsonSchema, after: JsonSchema, path: string): string[] => {
  const olds = (before['anyOf'] as JsonSchema[] | undefined) ?? [before];
  const news = (after['anyOf'] as JsonSchema[] | undefined) ?? [after];
  return olds.flatMap((old, index) =>
    news.some((next) => incompatibilities(old, next, path).length === 0)
      ? []
      : [`${path || '(root)'}: alternative ${String(index + 1)} is no longer accepted`],
  );
};

/**
 * Why a value valid under `before` might be refused by `after` (empty: every such value is
 * still accepted). Deliberately conservative: it knows added optional fields, new alternatives,
 * new enum values and changed annotations; any other change counts as incompatible.
 *
 * @example
 * incompatibilities(v1, v2); // ['data.launchedOn: removed', 'data.wentLiveOn: now required']
 */
export const incompatibilities = (before: JsonSchema, after: JsonSchema, path = ''): string[] => {
  if (sameValidation(before, after)) return [];
  if (Array.isArray(before['enum']) && Array.isArray(after['enum'])) {
    const allowed = new Set(after['enum'] as unknown[]);
    const lost = (before['enum'] as unknown[]).filter((value) => !allowed.has(value));
    return lost.length === 0
      ? []
      : [`${path || '(root)'}: no longer accepts ${JSON.stringify(lost)}`];
  }
  if ('anyOf' in before || 'anyOf' in after) return alternativeChanges(before, after, path);
  if (before['type'] === 'object' && after['type'] === 'object') {
    return objectChanges(before, after, path);
  }
  return [`${path || '(root)'}: changed`];
};
