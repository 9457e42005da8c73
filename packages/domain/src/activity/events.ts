import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { eventCodec } from '../shared/eventCodec.js';
import { personal } from '../shared/personalData.js';
import { RecordLink } from './recordLink.js';
import { ActivityKind, CallDetails, Coordinates } from './values.js';

/**
 * Where a visit checked in. The place's name and the phone's coordinates can locate a person's
 * home, so they are personal; the distance to the customer's site is not (reports measure it).
 */
export const CheckIn = t.intersection(
  [
    t.type({ at: IsoInstant, placeName: personal(t.string) }),
    t.partial({ coordinates: personal(Coordinates), distanceMeters: t.number }),
  ],
  'CheckIn',
);
/** Where a visit checked in. */
export type CheckIn = t.TypeOf<typeof CheckIn>;

/**
 * A rep had contact with someone, or wrote a note, about one or more records. The free text and
 * the names are personal data of `subjectId`.
 */
export const ActivityLogged = eventCodec(
  'ActivityLogged',
  t.intersection([
    t.type({
      activityId: t.string,
      kind: ActivityKind,
      on: t.readonlyArray(RecordLink),
      ownerId: t.string,
      at: IsoInstant,
      subjectId: t.string,
    }),
    t.partial({
      contactName: personal(t.string),
      notes: personal(t.string),
      call: CallDetails,
      emailSubject: personal(t.string),
      checkIn: CheckIn,
    }),
  ]),
);
/** The activity was attached to one more record. */
export const ActivityAttached = eventCodec(
  'ActivityAttached',
  t.type({ activityId: t.string, to: RecordLink }),
);
/** The activity's personal text was corrected at its person's request. */
export const ActivityCorrected = eventCodec(
  'ActivityCorrected',
  t.intersection([
    t.type({ activityId: t.string, subjectId: t.string }),
    t.partial({ contactName: personal(t.string), notes: personal(t.string) }),
  ]),
);

/** Every event of an Activity stream. */
export const ActivityEvent = t.union(
  [ActivityLogged, ActivityAttached, ActivityCorrected],
  'ActivityEvent',
);
/** Every event of an Activity stream. */
export type ActivityEvent = t.TypeOf<typeof ActivityEvent>;
