import * as t from 'io-ts';

/**
 * The codec builder of one aggregate's commands: every command has a literal `kind`, the
 * aggregate's id field, its required props and its optional props, and is named after its kind
 * so a decoding failure says which command it was.
 *
 * @example
 * const command = commandCodecFor('leadId');
 * export const QualifyLead = command('QualifyLead', { score: LeadScore }, { notes: t.string });
 */
export const commandCodecFor = <I extends string>(idField: I) => {
  const id = { [idField]: t.string } as Record<I, t.StringC>;
  return <K extends string, R extends t.Props, O extends t.Props>(
    kind: K,
    required: R,
    optional: O,
  ) =>
    t.intersection(
      [t.type({ kind: t.literal(kind), ...id, ...required }), t.partial(optional)],
      kind,
    );
};

const requiredOneOf = new WeakMap<t.Mixed, readonly string[]>();

/**
 * The fields of which a command made by {@link atLeastOneOf} needs one, for schemas that must
 * say so; undefined for every other codec.
 */
export const atLeastOneOfFields = (codec: t.Mixed): readonly string[] | undefined =>
  requiredOneOf.get(codec);

/**
 * Refines a command codec so that at least one of `fields` is given: a correction that names no
 * field to correct is a mistake of the caller, refused at decoding with the fields it could have
 * named (`(root): give at least one of name, email, phone, got …`). The command's fields stay
 * visible to the reference tables, which read through refinements.
 *
 * @example
 * export const CorrectLeadContact = atLeastOneOf(
 *   command('CorrectLeadContact', {}, { name: NonEmptyText, email: EmailAddress }),
 *   ['name', 'email'],
 * );
 */
export const atLeastOneOf = <C extends t.Mixed>(
  codec: C,
  fields: readonly (keyof t.TypeOf<C> & string)[],
): t.RefinementType<C, t.TypeOf<C>, t.OutputOf<C>> => {
  const predicate = (value: t.TypeOf<C>): boolean =>
    fields.some((field) => (value as Record<string, unknown>)[field] !== undefined);
  const refined = new t.RefinementType(
    codec.name,
    (value): value is t.TypeOf<C> => codec.is(value) && predicate(value),
    (input, context) => {
      const decoded = codec.validate(input, context);
      if (decoded._tag === 'Left' || predicate(decoded.right)) return decoded;
      return t.failure(input, context, `give at least one of ${fields.join(', ')}`);
    },
    codec.encode,
    codec,
    predicate,
  );
  requiredOneOf.set(refined, fields);
  return refined;
};
