import * as t from 'io-ts';
import { objectProps } from './codecStructure.js';
import type { LocatedPersonalField } from './personalData.js';
import { locatePersonalFields, personalFieldPaths } from './personalData.js';
import { retainedKeySubject } from './retention.js';

/** The members of a union, unions inside it opened too; any other codec is its own member. */
const membersOf = (codec: t.Mixed): readonly t.Mixed[] =>
  codec instanceof t.UnionType ? (codec.types as t.Mixed[]).flatMap(membersOf) : [codec];

/** The literal `type` a member's values carry, or undefined if it accepts more than one. */
const typeOf = (member: t.Mixed): string | undefined => {
  const type = objectProps(member)?.['type'];
  return type instanceof t.LiteralType && typeof type.value === 'string' ? type.value : undefined;
};

/**
 * One event union's members that can hold personal data, by the event type they accept: the only
 * members a value of that type can match, since any other member's `type` literal refuses it.
 */
interface MembersByType {
  readonly byType: ReadonlyMap<string, readonly t.Mixed[]>;
  /** Members with personal fields whose `type` is not one literal: tried for every type. */
  readonly anyType: readonly t.Mixed[];
}

const indexMembers = (codec: t.Mixed): MembersByType => {
  const byType = new Map<string, t.Mixed[]>();
  const anyType: t.Mixed[] = [];
  for (const member of membersOf(codec)) {
    if (personalFieldPaths(member).length === 0) continue;
    const type = typeOf(member);
    if (type === undefined) anyType.push(member);
    else byType.set(type, [...(byType.get(type) ?? []), member]);
  }
  return { byType, anyType };
};

/**
 * The personal fields of `{ type, data }` in one union, with paths inside `data`: what
 * `locatePersonalFields(codec, { type, data }, true)` finds, looking only at the members that
 * accept `type`. A path found by two members is kept once, with the later member's subject, as
 * the whole union's walk keeps it.
 */
const locateInUnion = (
  members: MembersByType,
  type: string,
  data: unknown,
): readonly LocatedPersonalField[] => {
  const typed = members.byType.get(type) ?? [];
  const candidates = members.anyType.length === 0 ? typed : [...typed, ...members.anyType];
  if (candidates.length === 0) return [];
  if (candidates.length === 1 && candidates[0] !== undefined)
    return locatePersonalFields(candidates[0], { type, data }, true);
  const found = new Map<string, LocatedPersonalField>();
  for (const member of candidates)
    for (const field of locatePersonalFields(member, { type, data }, true))
      found.set(JSON.stringify(field.path), field);
  return [...found.values()];
};

/**
 * A locator for the privacy layer's `withPersonalDataEncryption`: given the event unions of the
 * aggregates, finds the personal fields of any stored event by its type and data, with paths
 * inside `data`, and the key each is encrypted with: the person's own, or for a retained field
 * their key of that retention class. The unions are indexed by event type once, so an event is
 * matched only against the members that accept its type, and an event type without personal
 * fields costs a map look-up.
 */
export const personalDataLocator = (eventCodecs: readonly t.Mixed[]) => {
  const unions = eventCodecs.map(indexMembers);
  return (
    type: string,
    data: unknown,
  ): readonly { path: readonly (string | number)[]; subjectId: string }[] =>
    unions
      .flatMap((members) => locateInUnion(members, type, data))
      .map((field) => ({ path: field.path, subjectId: encryptionSubjectOf(field) }));
};

/**
 * Whose key a personal field is encrypted with: its person's own, or for a field the law retains
 * their key of that retention class.
 */
export const encryptionSubjectOf = (field: LocatedPersonalField): string =>
  field.retainedAs === undefined
    ? field.subjectId
    : retainedKeySubject(field.subjectId, field.retainedAs);
