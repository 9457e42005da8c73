import * as t from 'io-ts';
import { isPersonal, personalFieldPaths } from '../shared/personalData.js';

/** One field of a command or event, as the reference tables show it. */
export interface FieldReference {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  /** `yes` when the field is personal data, `partly` when some of its parts are. */
  readonly personal: 'yes' | 'partly' | '';
}

/** A field is personal when it or each of its elements is; partly when some parts inside are. */
const personalness = (codec: t.Mixed): FieldReference['personal'] => {
  const paths = personalFieldPaths(codec).map((field) => field.path);
  if (isPersonal(codec) || paths.some((path) => /^(\[\])*$/.test(path))) return 'yes';
  return paths.length > 0 ? 'partly' : '';
};

/** The fields of an object-like codec (type, partial, intersection, readonly, exact). */
const fieldsOf = (codec: t.Mixed, required = true): FieldReference[] => {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const isRequired = required && codec instanceof t.InterfaceType;
    return Object.entries(codec.props as Record<string, t.Mixed>).map(([name, prop]) => ({
      name,
      type: (isPersonal(prop) ? prop.codec : prop).name,
      required: isRequired,
      personal: personalness(prop),
    }));
  }
  if (codec instanceof t.IntersectionType) {
    return (codec.types as t.Mixed[]).flatMap((member) => fieldsOf(member, required));
  }
  if (
    codec instanceof t.ReadonlyType ||
    codec instanceof t.ExactType ||
    codec instanceof t.RefinementType
  ) {
    return fieldsOf(codec.type as t.Mixed, required);
  }
  return [];
};

/** A command's fields, without its `kind` discriminator. */
export const commandFields = (codec: t.Mixed): readonly FieldReference[] =>
  fieldsOf(codec).filter((field) => field.name !== 'kind');

/** An event's `data` fields. */
export const eventFields = (codec: t.Mixed): readonly FieldReference[] => {
  const data = fieldsOf(codec).find((field) => field.name === 'data');
  if (data === undefined) return [];
  const props = codec instanceof t.InterfaceType ? (codec.props as Record<string, t.Mixed>) : {};
  return props.data === undefined ? [] : fieldsOf(props.data);
};

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * A markdown table of a union of commands or events: one row per field, the message name on its
 * first row, with whether the field is required; for events also whether it is personal data
 * (what is stored is what gets encrypted, so commands have no such column).
 */
export const referenceTable = (
  union: t.UnionType<t.Mixed[]>,
  messageKind: 'command' | 'event',
): string => {
  const isEvent = messageKind === 'event';
  const header = isEvent
    ? '| Event | Field | Type | Required | Personal |\n| --- | --- | --- | --- | --- |'
    : '| Command | Field | Type | Required |\n| --- | --- | --- | --- |';
  const rows = union.types.flatMap((member) => {
    const fields = isEvent ? eventFields(member) : commandFields(member);
    return fields.map((field, index) => {
      const cells = [
        index === 0 ? escapeCell(`\`${member.name}\``) : '',
        `\`${field.name}\``,
        escapeCell(`\`${field.type}\``),
        field.required ? 'yes' : 'no',
        ...(isEvent ? [field.personal] : []),
      ];
      return `| ${cells.join(' | ')} |`;
    });
  });
  return [header, ...rows].join('\n');
};

/** A markdown table of enumerations (unions of literals): each with its allowed values. */
export const enumerationTable = (enumerations: readonly t.UnionType<t.Mixed[]>[]): string => {
  const rows = enumerations.map((union) => {
    const values = union.types.map((member) =>
      member instanceof t.LiteralType ? `\`${String(member.value)}\`` : `\`${member.name}\``,
    );
    return `| \`${union.name}\` | ${values.join(', ')} |`;
  });
  return ['| Type | Values |', '| --- | --- |', ...rows].join('\n');
};

/** A markdown table of value types (records inside commands and events): one row per field. */
export const valueTable = (values: readonly t.Mixed[]): string => {
  const rows = values.flatMap((codec) =>
    fieldsOf(codec).map((field, index) => {
      const cells = [
        index === 0 ? `\`${codec.name}\`` : '',
        `\`${field.name}\``,
        escapeCell(`\`${field.type}\``),
        field.required ? 'yes' : 'no',
        field.personal,
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  );
  return [
    '| Value | Field | Type | Required | Personal |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
};
