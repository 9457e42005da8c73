import * as t from 'io-ts';

/**
 * What a read went through, as the access log names it: `audit customer`, `report receivables`,
 * `dashboard`, `api GET /customers`. Letters, digits, spaces and `/ : - _ .` only.
 */
export const ReadChannel = t.refinement(
  t.string,
  (s) => /^[A-Za-z0-9][A-Za-z0-9 /:_.-]{0,79}$/.test(s),
  'ReadChannel',
);

/**
 * Record that the actor in the context read personal data of these data subjects (customer or
 * person ids), in one batch: a report of 500 rows is one record with 500 ids.
 */
export const RecordPersonalDataRead = t.type(
  {
    kind: t.literal('RecordPersonalDataRead'),
    readId: t.string,
    through: ReadChannel,
    subjects: t.readonlyArray(t.string),
  },
  'RecordPersonalDataRead',
);
/** Every command of the AccessLog aggregate. */
export const AccessLogCommand = RecordPersonalDataRead;
/** Every command of the AccessLog aggregate. */
export type AccessLogCommand = t.TypeOf<typeof AccessLogCommand>;
/** An AccessLog command as code writes it. */
export type AccessLogCommandInput = t.OutputOf<typeof AccessLogCommand>;
