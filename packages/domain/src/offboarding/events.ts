import * as t from 'io-ts';
import { DateOnly } from '../shared/dates.js';
import { eventCodec } from '../shared/eventCodec.js';
import { HandedOverRecord, ReassignmentPolicy } from './values.js';

/**
 * A rep is leaving: notice given on `noticeGivenOn`, access ends from `leavesOn` on, and their open
 * records go to `successors` by `policy`.
 */
export const RepOffboarded = eventCodec(
  'RepOffboarded',
  t.type({
    repId: t.string,
    organizationId: t.string,
    noticeGivenOn: DateOnly,
    leavesOn: DateOnly,
    policy: ReassignmentPolicy,
    successors: t.readonlyArray(t.string),
  }),
);
/** A rep is leaving. */
export type RepOffboarded = t.TypeOf<typeof RepOffboarded>;

/**
 * One record of a departing rep was handed to a successor. The record's own stream holds the
 * change of owner too (`CustomerOwnerAssigned`, `LeadAssigned`, …), caused by this event.
 */
export const RecordReassigned = eventCodec(
  'RecordReassigned',
  t.type({
    repId: t.string,
    recordType: HandedOverRecord,
    recordId: t.string,
    toOwnerId: t.string,
  }),
);
/** One record of a departing rep was handed to a successor. */
export type RecordReassigned = t.TypeOf<typeof RecordReassigned>;

/** Every event of an Offboarding stream. */
export const OffboardingEvent = t.union([RepOffboarded, RecordReassigned], 'OffboardingEvent');
/** Every event of an Offboarding stream. */
export type OffboardingEvent = t.TypeOf<typeof OffboardingEvent>;
