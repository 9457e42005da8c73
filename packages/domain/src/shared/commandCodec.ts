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
