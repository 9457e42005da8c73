import * as t from 'io-ts';
import type { ErasedField } from '@clientele/eventstore';
import { ERASED, isErasedField } from '@clientele/eventstore';
import type { RetentionClass } from './retention.js';
import type { Inner } from './codecStructure.js';
import { innerOf, objectProps } from './codecStructure.js';

const PERSONAL = Symbol.for('@clientele/domain/personal');

/**
 * A personal value as the domain sees it: the value, or the erased marker once the person's key
 * was destroyed. Code that reads a personal field must say what it does with an erased one.
 */
export type Personal<T> = T | ErasedField;

/**
 * A codec whose values identify a person (a name, an email, a phone, an address, a note about
 * someone). It decodes and encodes like the codec it wraps and also accepts the erased marker
 * `{ "$erased": true }`, which the crypto-shredding layer reads in place of a forgotten person's
 * field: an aggregate holding erased fields still loads, and its other facts still count. The mark
 * tells that layer which fields to encrypt with the data subject's key.
 */
export interface PersonalCodec<C extends t.Mixed> extends t.Type<
  Personal<t.TypeOf<C>>,
  t.OutputOf<C> | ErasedField
> {
  readonly [PERSONAL]: true;
  /** The codec that was marked. */
  readonly codec: C;
  /** Set when the law keeps this field for a while after its person is forgotten. */
  readonly retainedAs: RetentionClass | undefined;
}

/**
 * Marks a field as personal data. By convention the field belongs to the data subject named by the
 * `subjectId` field of the nearest enclosing object (the contact person, the lead); a personal
 * field with no such object around it belongs to nobody and is reported as such by
 * {@link personalFieldPaths}, so a test can forbid it. Attributes that reports group by (region,
 * industry, source, segment) must stay unmarked: erasing a person must not change a report.
 * `retainedAs` marks a field of a record the law requires to keep (an invoice's billing contact):
 * it is encrypted with the person's key for that retention class, which erasure may hold until a
 * date (see `retainedKeySubject`).
 *
 * @example
 * const Contact = t.type({ subjectId: t.string, name: personal(t.string), region: t.string });
 * const BillTo = t.type({ subjectId: t.string, name: personal(t.string, { retainedAs: 'invoice' }) });
 */
export const personal = <C extends t.Mixed>(
  codec: C,
  options: { readonly retainedAs?: RetentionClass } = {},
): PersonalCodec<C> =>
  Object.assign(
    new t.Type<Personal<t.TypeOf<C>>, t.OutputOf<C> | ErasedField, unknown>(
      `Personal<${codec.name}>`,
      (value): value is Personal<t.TypeOf<C>> => isErasedField(value) || codec.is(value),
      (value, context) =>
        isErasedField(value) ? t.success(ERASED) : codec.validate(value, context),
      (value) => (isErasedField(value) ? ERASED : (codec.encode(value) as t.OutputOf<C>)),
    ),
    { [PERSONAL]: true as const, codec, retainedAs: options.retainedAs },
  );

/** Whether a personal value is still readable (its person was not forgotten). */
export const isRevealed = <T>(value: Personal<T>): value is T => !isErasedField(value);

/** True when the codec was made by {@link personal}. */
export const isPersonal = (codec: t.Mixed): codec is PersonalCodec<t.Mixed> => PERSONAL in codec;

/** A personal field found in a codec, and where the id of the person it belongs to sits. */
export interface PersonalFieldPath {
  /** Dotted path from the root; `[]` stands for any element of an array. */
  readonly path: string;
  /** Path of the `subjectId` naming the field's data subject; undefined when there is none. */
  readonly subjectIdPath: string | undefined;
  /** The retention class of a field the law keeps after erasure; undefined for the others. */
  readonly retainedAs: RetentionClass | undefined;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

const walk = (
  codec: t.Mixed,
  path: string,
  subjectIdPath: string | undefined,
  found: PersonalFieldPath[],
): void => {
  if (isPersonal(codec)) {
    found.push({ path, subjectIdPath, retainedAs: codec.retainedAs });
    return;
  }
  const props = objectProps(codec);
  if (props !== undefined) {
    const subject = 'subjectId' in props ? join(path, 'subjectId') : subjectIdPath;
    for (const [key, prop] of Object.entries(props)) walk(prop, join(path, key), subject, found);
    return;
  }
  const inner = innerOf(codec);
  switch (inner?.kind) {
    case undefined:
      return;
    case 'members':
      for (const member of inner.codecs) walk(member, path, subjectIdPath, found);
      return;
    case 'items':
      walk(inner.codec, `${path}[]`, subjectIdPath, found);
      return;
    case 'entries':
      walk(inner.codec, `${path}{}`, subjectIdPath, found);
      return;
    case 'wrapped':
      walk(inner.codec, path, subjectIdPath, found);
      return;
  }
};

/**
 * Lists the personal fields of a codec with the path of the `subjectId` each belongs to, once per
 * distinct path, in declaration order. For a union of events the paths of every member are listed
 * (`data.contact.email`), so the crypto-shredding layer can find what to encrypt without knowing
 * the event types, and a spec can check that no personal field lacks a data subject.
 */
export const personalFieldPaths = (codec: t.Mixed): readonly PersonalFieldPath[] => {
  const found: PersonalFieldPath[] = [];
  walk(codec, '', undefined, found);
  const seen = new Set<string>();
  return found.filter((field) => {
    const key = `${field.path}|${field.subjectIdPath ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** One personal field found in a value: its path in the value and the person it belongs to. */
export interface LocatedPersonalField {
  readonly path: readonly (string | number)[];
  readonly subjectId: string;
  /** The retention class of a field the law keeps after erasure; undefined for the others. */
  readonly retainedAs: RetentionClass | undefined;
}

/** True when every literal prop of an object codec matches the value (picks a union's member). */
const literalsMatch = (props: Record<string, t.Mixed>, value: Record<string, unknown>): boolean =>
  Object.entries(props).every(
    ([key, prop]) => !(prop instanceof t.LiteralType) || prop.value === value[key],
  );

/** Where a value sits: its path, and the data subject it belongs to, once one was seen. */
interface Place {
  readonly path: readonly (string | number)[];
  readonly subjectId: string | undefined;
}

type Located = Map<string, LocatedPersonalField>;

const locateInObject = (
  props: Record<string, t.Mixed>,
  value: unknown,
  place: Place,
  found: Located,
): void => {
  if (typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (!literalsMatch(props, record)) return;
  const subjectId = typeof record.subjectId === 'string' ? record.subjectId : place.subjectId;
  for (const [key, prop] of Object.entries(props)) {
    locate(prop, record[key], { path: [...place.path, key], subjectId }, found);
  }
};

const locateInner = (inner: Inner, value: unknown, place: Place, found: Located): void => {
  const into = (key: string | number): Place => ({ ...place, path: [...place.path, key] });
  switch (inner.kind) {
    case 'members':
      for (const member of inner.codecs) locate(member, value, place, found);
      return;
    case 'items':
      if (!Array.isArray(value)) return;
      value.forEach((item, index) => {
        locate(inner.codec, item, into(index), found);
      });
      return;
    case 'entries':
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        locate(inner.codec, item, into(key), found);
      }
      return;
    case 'wrapped':
      locate(inner.codec, value, place, found);
      return;
  }
};

const locate = (codec: t.Mixed, value: unknown, place: Place, found: Located): void => {
  if (value === undefined || value === null) return;
  if (isPersonal(codec)) {
    const { path, subjectId } = place;
    if (subjectId !== undefined) {
      found.set(JSON.stringify(path), { path, subjectId, retainedAs: codec.retainedAs });
    }
    return;
  }
  const props = objectProps(codec);
  if (props !== undefined) {
    locateInObject(props, value, place, found);
    return;
  }
  const inner = innerOf(codec);
  if (inner !== undefined) locateInner(inner, value, place, found);
};

/**
 * Finds the personal fields present in one value of a codec (typically an aggregate's event union
 * applied to `{ type, data }`), with the data subject of each. It only looks at the shape and the
 * `type` literals, never at the personal values themselves, so it works on encrypted data too.
 * Paths start inside `data` when `dataOnly` is true, matching the privacy layer's locator.
 */
export const locatePersonalFields = (
  codec: t.Mixed,
  value: unknown,
  dataOnly = false,
): readonly LocatedPersonalField[] => {
  const found = new Map<string, LocatedPersonalField>();
  locate(codec, value, { path: [], subjectId: undefined }, found);
  const fields = [...found.values()];
  return dataOnly
    ? fields
        .filter((field) => field.path[0] === 'data')
        .map((field) => ({ ...field, path: field.path.slice(1) }))
    : fields;
};
