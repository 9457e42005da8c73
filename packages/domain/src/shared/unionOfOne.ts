import * as t from 'io-ts';

/**
 * The union codec of an aggregate that has a single command or a single event so far, listing it
 * once. Readers of an aggregate's codecs (decoders, the schema catalog, the docs tables) walk a
 * union's members, so the aggregate still needs a union; io-ts's `t.union` is typed for two members
 * or more, though it decodes with one the same way.
 */
export const unionOfOne = <C extends t.Mixed>(
  member: C,
  name: string,
): t.UnionType<[C], t.TypeOf<C>, t.OutputOf<C>> =>
  t.union([member] as unknown as [C, C], name) as unknown as t.UnionType<
    [C],
    t.TypeOf<C>,
    t.OutputOf<C>
  >;
