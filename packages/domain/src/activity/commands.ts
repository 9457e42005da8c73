import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { atLeastOneOf, commandCodecFor } from '../shared/commandCodec.js';
import { NonEmptyText } from '../shared/contact.js';
import { RecordLink } from './recordLink.js';
import { ActivityKind, CallDetails, CheckInInput } from './values.js';

const command = commandCodecFor('activityId');

/**
 * Record a conversation, a visit or a note against one or more records. `subjectId` is the person
 * the activity is about (defaults to the first record: the contact, the lead, a private customer);
 * `contactName` and `notes` are theirs. A call needs `call`, an email `emailSubject`, a visit
 * `checkIn`; other kinds take none of them.
 */
export const LogActivity = command(
  'LogActivity',
  {
    activityKind: ActivityKind,
    on: t.array(RecordLink),
    ownerId: t.string,
    at: IsoInstant,
  },
  {
    subjectId: t.string,
    contactName: NonEmptyText,
    notes: NonEmptyText,
    call: CallDetails,
    emailSubject: NonEmptyText,
    checkIn: CheckInInput,
  },
);
/** Attach a logged activity to one more record (the deal it turned out to be about). */
export const AttachActivity = command('AttachActivity', { to: RecordLink }, {});
/** Correct the personal text of an activity at its person's request (rectification). */
export const CorrectActivity = atLeastOneOf(
  command('CorrectActivity', {}, { contactName: NonEmptyText, notes: NonEmptyText }),
  ['contactName', 'notes'],
);

/** Every command of the Activity aggregate. */
export const ActivityCommand = t.union(
  [LogActivity, AttachActivity, CorrectActivity],
  'ActivityCommand',
);
/** Every command of the Activity aggregate. */
export type ActivityCommand = t.TypeOf<typeof ActivityCommand>;
/** An Activity command as code writes it, before decoding. */
export type ActivityCommandInput = t.OutputOf<typeof ActivityCommand>;
