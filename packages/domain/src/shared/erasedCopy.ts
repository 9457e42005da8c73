import * as t from 'io-ts';
import { ERASED } from '@clientele/eventstore';
import { objectProps } from './codecStructure.js';
import { locatePersonalFields, personalFieldPaths } from './personalData.js';

const personalTypes = new WeakMap<t.Mixed, (type: string) => boolean>();

/**
 * Whether events of a type can have personal fields at all, worked out once per union: most
 * events (a ticket assigned, an invoice paid) have none and need no walk of their data. A member
 * without a literal type cannot be ruled out, so then every type is walked.
 */
const mayHavePersonalFields = (eventCodec: t.Mixed): ((type: string) => boolean) => {
  const known = personalTypes.get(eventCodec);
  if (known !== undefined) return known;
  const members =
    eventCodec instanceof t.UnionType ? (eventCodec.types as t.Mixed[]) : [eventCodec];
  const literals = members.map((member) => objectProps(member)?.['type']);
  const typed = literals.every(
    (literal) => literal instanceof t.LiteralType && typeof literal.value === 'string',
  );
  const types = new Set(
    members
      .filter((member) => personalFieldPaths(member).length > 0)
      .map((member) => (objectProps(member)?.['type'] as t.LiteralC<string> | undefined)?.value),
  );
  const check = typed ? (type: string) => types.has(type) : () => true;
  personalTypes.set(eventCodec, check);
  return check;
};

/**
 * A copy of an event's data with every personal field replaced by the erased marker, for read
 * models that keep events (the service report measures SLAs from a ticket's events): a read model
 * must never hold personal data, or erasing a person would leave a copy there. The copy still
 * decodes with the aggregate's codecs. `eventCodec` is the aggregate's event union.
 */
export const withPersonalFieldsErased = (
  eventCodec: t.Mixed,
  type: string,
  data: unknown,
): unknown => {
  if (!mayHavePersonalFields(eventCodec)(type)) return data;
  const fields = locatePersonalFields(eventCodec, { type, data }, true);
  if (fields.length === 0) return data;
  const copy = structuredClone(data);
  for (const { path } of fields) {
    const last = path.at(-1);
    if (last === undefined) continue;
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy);
    (parent as Record<string | number, unknown>)[last] = ERASED;
  }
  return copy;
};
