import type { CustomerEvent } from './events.js';

/**
 * Which customers hold personal data of each data subject: as the customer itself (its own
 * `subjectId`), as a contact, or through emails and phones moved in by a merge. Erasing a person
 * starts here: every customer listed gets its personal data erased and its keys released.
 */
export type SubjectIndex = ReadonlyMap<string, readonly string[]>;

const withHolder = (index: SubjectIndex, subjectId: string, customerId: string): SubjectIndex => {
  const holders = index.get(subjectId) ?? [];
  return holders.includes(customerId)
    ? index
    : new Map(index).set(subjectId, [...holders, customerId]);
};

/** Folds one customer event into the subject index. */
export const evolveSubjectIndex = (index: SubjectIndex, event: CustomerEvent): SubjectIndex => {
  const { customerId } = event.data;
  switch (event.type) {
    case 'CustomerRegistered':
      return [event.data.subjectId, ...event.data.contacts.map((c) => c.subjectId)].reduce(
        (next, subjectId) => withHolder(next, subjectId, customerId),
        index,
      );
    case 'CustomerContactAdded':
      return withHolder(index, event.data.contact.subjectId, customerId);
    case 'CustomerAbsorbed':
      return [event.data.subjectId, ...event.data.contacts.map((c) => c.subjectId)].reduce(
        (next, subjectId) => withHolder(next, subjectId, customerId),
        index,
      );
    default:
      return index;
  }
};

/** The customers holding a subject's personal data. */
export const customersOfSubject = (index: SubjectIndex, subjectId: string): readonly string[] =>
  index.get(subjectId) ?? [];
