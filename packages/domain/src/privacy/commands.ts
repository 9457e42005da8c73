import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { commandCodecFor } from '../shared/commandCodec.js';
import { RetentionClass } from '../shared/retention.js';
import { RectificationStep, RetentionHold } from './events.js';

const command = commandCodecFor('subjectId');

/**
 * Record that a person is forgotten, with where their data was and what the law still holds. The
 * privacy service sends it after it has erased the person's customers and destroyed their key.
 */
export const ForgetPerson = command(
  'ForgetPerson',
  {
    at: IsoInstant,
    streams: t.readonlyArray(t.string),
    customersErased: t.readonlyArray(t.string),
    retentionHolds: t.readonlyArray(RetentionHold),
  },
  {},
);
/** Record that a retention hold ended and its key was destroyed; refused before its date. */
export const EraseRetainedPersonalData = command(
  'EraseRetainedPersonalData',
  { retentionClass: RetentionClass, at: IsoInstant },
  {},
);
/** Record an access export made for the person. */
export const RecordPersonalDataExport = command(
  'RecordPersonalDataExport',
  { at: IsoInstant, records: t.number, streams: t.readonlyArray(t.string) },
  {},
);
/** Record that a rectification request was carried out, step by step; refused once forgotten. */
export const RecordRectification = command(
  'RecordRectification',
  { at: IsoInstant, steps: t.readonlyArray(RectificationStep) },
  {},
);

/** Every command of a data subject's stream. */
export const DataSubjectCommand = t.union(
  [ForgetPerson, EraseRetainedPersonalData, RecordPersonalDataExport, RecordRectification],
  'DataSubjectCommand',
);
/** Every command of a data subject's stream. */
export type DataSubjectCommand = t.TypeOf<typeof DataSubjectCommand>;
