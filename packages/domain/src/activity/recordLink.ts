import * as t from 'io-ts';

/** The kinds of record an activity, a task or an appointment can be attached to. */
export const LinkedRecordType = t.union(
  [
    t.literal('customer'),
    t.literal('contact'),
    t.literal('lead'),
    t.literal('opportunity'),
    t.literal('ticket'),
  ],
  'LinkedRecordType',
);
/** The kinds of record an activity, a task or an appointment can be attached to. */
export type LinkedRecordType = t.TypeOf<typeof LinkedRecordType>;

/**
 * A reference to a record of the CRM: its type and id (a contact person is named by their
 * `subjectId`). The id is not personal data: it names a stream or a data subject, never a person.
 */
export const RecordLink = t.type({ type: LinkedRecordType, id: t.string }, 'RecordLink');
/** A reference to a record of the CRM. */
export type RecordLink = t.TypeOf<typeof RecordLink>;

/** The stable text form of a link, `customer:<id>`, as the CLI and the reports write it. */
export const recordLinkText = (link: RecordLink): string => `${link.type}:${link.id}`;

/** Whether two links name the same record. */
export const sameRecord = (a: RecordLink, b: RecordLink): boolean =>
  a.type === b.type && a.id === b.id;
