import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';

/**
 * Someone read personal data: of which data subjects (ids only, sorted, no duplicates), through
 * what, how many. Who and when are the event's actor and occurred-at. It holds no personal value,
 * so it survives a person's erasure; their id alone, with their data erased, names nobody.
 */
export const PersonalDataRead = eventCodec(
  'PersonalDataRead',
  t.type({
    readId: t.string,
    through: t.string,
    subjects: t.readonlyArray(t.string),
    count: t.number,
  }),
);
/** Someone read personal data. */
export type PersonalDataRead = t.TypeOf<typeof PersonalDataRead>;
