import * as t from 'io-ts';

/** The props of an object-like codec (interface, partial, exact, readonly, intersection of those). */
export const objectProps = (codec: t.Mixed): Record<string, t.Mixed> | undefined => {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    return codec.props as Record<string, t.Mixed>;
  }
  if (codec instanceof t.ExactType || codec instanceof t.ReadonlyType) {
    return objectProps(codec.type as t.Mixed);
  }
  if (codec instanceof t.IntersectionType) {
    const members = (codec.types as t.Mixed[]).map(objectProps);
    if (members.some((props) => props === undefined)) return undefined;
    return Object.assign({}, ...members) as Record<string, t.Mixed>;
  }
  return undefined;
};

/** The codecs inside a container codec, by how a value's path steps into them. */
export type Inner =
  /** A union's or intersection's members: each describes the same value. */
  | { readonly kind: 'members'; readonly codecs: readonly t.Mixed[] }
  | { readonly kind: 'items'; readonly codec: t.Mixed }
  | { readonly kind: 'entries'; readonly codec: t.Mixed }
  /** A refinement or readonly codec: the same value, the base codec. */
  | { readonly kind: 'wrapped'; readonly codec: t.Mixed };

/** The codecs inside a container codec, or undefined for a leaf or an object. */
export const innerOf = (codec: t.Mixed): Inner | undefined => {
  if (codec instanceof t.UnionType || codec instanceof t.IntersectionType) {
    return { kind: 'members', codecs: codec.types as t.Mixed[] };
  }
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    return { kind: 'items', codec: codec.type as t.Mixed };
  }
  if (codec instanceof t.DictionaryType) {
    return { kind: 'entries', codec: codec.codomain as t.Mixed };
  }
  if (codec instanceof t.RefinementType || codec instanceof t.ReadonlyType) {
    return { kind: 'wrapped', codec: codec.type as t.Mixed };
  }
  return undefined;
};
