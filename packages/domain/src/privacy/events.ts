import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { RetentionClass } from '../shared/retention.js';

/**
 * Personal data the law keeps after its person was forgotten: which records, until when, and why.
 * Until that day the fields stay readable; then `EraseRetainedPersonalData` destroys their key.
 */
export const RetentionHold = t.type(
  {
    retentionClass: RetentionClass,
    until: DateOnly,
    reason: t.string,
    streams: t.readonlyArray(t.string),
  },
  'RetentionHold',
);
/** Personal data kept by law after its person was forgotten. */
export type RetentionHold = t.TypeOf<typeof RetentionHold>;

/**
 * A person was forgotten: their data key was destroyed, so every copy of their personal fields
 * reads as erased. It lists where their data was and what the law still holds. It names the person
 * only by their subject id, which was never personal data.
 */
export const PersonForgotten = eventCodec(
  'PersonForgotten',
  t.type({
    subjectId: t.string,
    at: IsoInstant,
    streams: t.readonlyArray(t.string),
    customersErased: t.readonlyArray(t.string),
    retentionHolds: t.readonlyArray(RetentionHold),
  }),
);

/** A retention hold ended: the person's key for that class was destroyed as well. */
export const RetainedPersonalDataErased = eventCodec(
  'RetainedPersonalDataErased',
  t.type({ subjectId: t.string, retentionClass: RetentionClass, at: IsoInstant }),
);

/**
 * Everything held about the person was exported for them (the right of access). The export itself
 * is handed to the person, never stored; this records that it was made, by whom (the actor in the
 * metadata) and how much it held.
 */
export const PersonalDataExported = eventCodec(
  'PersonalDataExported',
  t.type({
    subjectId: t.string,
    at: IsoInstant,
    records: t.number,
    streams: t.readonlyArray(t.string),
  }),
);

/** A correction sent to one stream on a person's behalf, or why none could be. */
export const RectificationStep = t.intersection(
  [t.type({ streamName: t.string }), t.partial({ command: t.string, skipped: t.string })],
  'RectificationStep',
);
/** A correction sent to one stream on a person's behalf, or why none could be. */
export type RectificationStep = t.TypeOf<typeof RectificationStep>;

/**
 * The person's data was corrected (the right to rectification): the corrections themselves are
 * events in the streams named here (only ids and command names: the corrected values live, encrypted,
 * in those events); this records that the request was carried out, and what could not be.
 */
export const PersonalDataRectified = eventCodec(
  'PersonalDataRectified',
  t.type({ subjectId: t.string, at: IsoInstant, steps: t.readonlyArray(RectificationStep) }),
);

/** Every event of a data subject's stream: what was done about one person's rights. */
export const DataSubjectEvent = t.union(
  [PersonForgotten, RetainedPersonalDataErased, PersonalDataExported, PersonalDataRectified],
  'DataSubjectEvent',
);
/** Every event of a data subject's stream. */
export type DataSubjectEvent = t.TypeOf<typeof DataSubjectEvent>;
