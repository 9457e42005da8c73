import type * as t from 'io-ts';

/** What a compiled decoder returns for a value its codec rejects. */
export const REJECTED: unique symbol = Symbol('rejected');

/** A decoder that gives the codec's own result, or {@link REJECTED} with no reason. */
export type CompiledDecoder<A> = (u: unknown) => A | typeof REJECTED;

type Node = (u: unknown) => unknown;

/** The fields of the io-ts classes a compiled decoder looks into (they are public, but untyped on `t.Mixed`). */
interface Inspected {
  readonly _tag?: string;
  readonly props?: Record<string, t.Mixed>;
  readonly type?: t.Mixed;
  readonly types?: readonly t.Mixed[];
  readonly predicate?: (a: unknown) => boolean;
  readonly value?: unknown;
  readonly tag?: unknown;
}

const isRecord = (u: unknown): u is Record<string, unknown> =>
  u !== null && typeof u === 'object' && !Array.isArray(u);

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Codecs whose `validate` is `is(u) ? success(u) : failure`: checked with `is`, no context built. */
const CHECKED_BY_IS = new Set([
  'StringType',
  'NumberType',
  'BooleanType',
  'NullType',
  'UndefinedType',
  'VoidType',
  'UnknownType',
  'AnyType',
  'BigIntType',
  'AnyArrayType',
  'AnyDictionaryType',
  'KeyofType',
]);

/**
 * Any other codec runs its own `validate`. Its context only explains failures, and a failure is
 * explained by running `decode` again: one context serves every call. Decoders are pure, so what
 * one makes of `undefined` (an optional field left out, mostly) is worked out once.
 */
const opaque = (codec: t.Mixed): Node => {
  const context: t.Context = [{ key: '', type: codec, actual: undefined }];
  const validate = (u: unknown): unknown => {
    const result = codec.validate(u, context);
    return result._tag === 'Right' ? result.right : REJECTED;
  };
  let ofUndefined: { readonly value: unknown } | undefined;
  return (u) => {
    if (u !== undefined) return validate(u);
    ofUndefined ??= { value: validate(undefined) };
    return ofUndefined.value;
  };
};

/** How io-ts (2.2) merges the results of an intersection's members: the same steps, in order. */
const mergeAll = (base: unknown, us: readonly unknown[]): unknown => {
  let equal = true;
  let primitive = true;
  const baseIsNotADictionary = !isRecord(base);
  for (const u of us) {
    if (u !== base) equal = false;
    if (isRecord(u)) primitive = false;
  }
  if (equal) return base;
  if (primitive) return us[us.length - 1];
  const r: Record<string, unknown> = {};
  for (const u of us as Record<string, unknown>[]) {
    // for…in, as io-ts: inherited enumerable keys too.
    for (const k in u) {
      if (!hasOwn(r, k) || baseIsNotADictionary || u[k] !== base[k]) {
        r[k] = u[k];
      }
    }
  }
  return r;
};

/** The literal value of a union member's `tag` field, when the member is a plain `t.type`. */
const tagLiteral = (member: t.Mixed, tag: string): unknown => {
  let codec = member as Inspected;
  while (codec._tag === 'ReadonlyType' || codec._tag === 'RefinementType') {
    codec = codec.type as Inspected;
  }
  const prop = codec._tag === 'InterfaceType' ? (codec.props?.[tag] as Inspected) : undefined;
  return prop?._tag === 'LiteralType' ? prop.value : REJECTED;
};

const compileNode = (codec: t.Mixed): Node => {
  const c = codec as Inspected;
  const tag = c._tag ?? '';
  if (CHECKED_BY_IS.has(tag)) return (u) => (codec.is(u) ? u : REJECTED);
  switch (tag) {
    case 'LiteralType': {
      const value = c.value;
      return (u) => (u === value ? value : REJECTED);
    }
    case 'ReadonlyType':
      return compileNode(c.type as t.Mixed);
    case 'RefinementType': {
      const inner = compileNode(c.type as t.Mixed);
      const predicate = c.predicate as (a: unknown) => boolean;
      return (u) => {
        const a = inner(u);
        return a !== REJECTED && predicate(a) ? a : REJECTED;
      };
    }
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const item = compileNode(c.type as t.Mixed);
      return (u) => {
        if (!Array.isArray(u)) return REJECTED;
        let as: unknown[] = u;
        for (let i = 0; i < u.length; i += 1) {
          const ui: unknown = u[i];
          const ai = item(ui);
          if (ai === REJECTED) return REJECTED;
          if (ai !== ui) {
            if (as === u) as = u.slice();
            as[i] = ai;
          }
        }
        return as;
      };
    }
    case 'InterfaceType':
    case 'PartialType': {
      const partial = tag === 'PartialType';
      const props = c.props as Record<string, t.Mixed>;
      const keys = Object.keys(props);
      const nodes = keys.map((k) => compileNode(props[k] as t.Mixed));
      return (u) => {
        if (!isRecord(u)) return REJECTED;
        let a = u;
        for (let i = 0; i < keys.length; i += 1) {
          const k = keys[i] as string;
          const ak = a[k];
          const vak = (nodes[i] as Node)(ak);
          if (vak === REJECTED) {
            if (partial && ak === undefined) continue;
            return REJECTED;
          }
          // As io-ts does: copy (with Object.assign, as its compiled spread) on the first
          // changed field; a missing field that decodes to undefined is set in a `t.type`.
          if (vak !== ak || (!partial && vak === undefined && !hasOwn(a, k))) {
            if (a === u) a = Object.assign({}, u);
            a[k] = vak;
          }
        }
        return a;
      };
    }
    case 'UnionType':
      return compileUnion(codec, c);
    case 'IntersectionType': {
      const nodes = (c.types as readonly t.Mixed[]).map(compileNode);
      return (u) => {
        const us: unknown[] = [];
        for (const node of nodes) {
          const a = node(u);
          if (a === REJECTED) return REJECTED;
          us.push(a);
        }
        return nodes.length === 0 ? u : mergeAll(u, us);
      };
    }
    default:
      return opaque(codec);
  }
};

const compileUnion = (codec: t.Mixed, c: Inspected): Node => {
  const members = c.types as readonly t.Mixed[];
  const nodes = members.map(compileNode);
  if (typeof c.tag !== 'string') {
    // Untagged: the first member that decodes wins, as in io-ts.
    return (u) => {
      for (const node of nodes) {
        const a = node(u);
        if (a !== REJECTED) return a;
      }
      return REJECTED;
    };
  }
  // Tagged (io-ts found a field whose literal tells the members apart): dispatch on it, when
  // every member is a plain `t.type` with that literal; otherwise leave the union to io-ts.
  const tag = c.tag;
  const byValue = new Map<unknown, Node>();
  for (const [i, member] of members.entries()) {
    const value = tagLiteral(member, tag);
    if (value === REJECTED || Number.isNaN(value) || byValue.has(value)) return opaque(codec);
    byValue.set(value, nodes[i] as Node);
  }
  return (u) => {
    if (!isRecord(u)) return REJECTED;
    const node = byValue.get(u[tag]);
    return node === undefined ? REJECTED : node(u);
  };
};

/**
 * Compiles an io-ts codec into a decoder that returns what `codec.decode` returns on success, and
 * {@link REJECTED} on failure, several times faster: it walks the structural codecs (`t.type`,
 * `t.partial`, intersections, arrays, unions, literals, brands and refinements, primitives)
 * checking values in place, without the context and `Either` io-ts allocates at every field,
 * copying an object or array only where a field decodes to something else, as io-ts does. Every
 * other codec (custom types such as trimmed text, exact types, records, tuples) runs its own
 * `validate`.
 * On {@link REJECTED}, run `codec.decode` to learn why.
 */
export const compileDecoder = <C extends t.Mixed>(codec: C): CompiledDecoder<t.TypeOf<C>> =>
  compileNode(codec);
