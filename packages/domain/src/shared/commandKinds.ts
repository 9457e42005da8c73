import * as t from 'io-ts';

/**
 * The `kind`s a command codec accepts, read from its structure (unions of intersections of
 * `t.type({ kind: t.literal(…) })`, through refinements): what an unknown kind is answered with.
 */
const known = new WeakMap<object, readonly string[]>();

/** {@link kindsOf}, remembered per codec: entry points ask on every command. */
export const commandKinds = (codec: t.Decoder<unknown, unknown>): readonly string[] => {
  const cached = known.get(codec);
  if (cached !== undefined) return cached;
  const kinds = kindsOf(codec);
  known.set(codec, kinds);
  return kinds;
};

const kindsOf = (codec: t.Decoder<unknown, unknown>): readonly string[] => {
  if (codec instanceof t.UnionType || codec instanceof t.IntersectionType)
    return (codec.types as readonly t.Decoder<unknown, unknown>[]).flatMap(kindsOf);
  if (codec instanceof t.RefinementType || codec instanceof t.ReadonlyType)
    return kindsOf(codec.type as t.Decoder<unknown, unknown>);
  if (codec instanceof t.InterfaceType) {
    const kind = (codec.props as Record<string, unknown>)['kind'];
    return kind instanceof t.LiteralType && typeof kind.value === 'string' ? [kind.value] : [];
  }
  return [];
};
