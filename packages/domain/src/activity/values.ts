import * as t from 'io-ts';
import { IsoInstant } from '@clientele/eventstore';
import { NonEmptyText } from '../shared/contact.js';

/**
 * What kind of contact an activity was. The lead's contact channels (call, email, visit, meeting,
 * message) are a subset, so lead contact attempts and activities share one vocabulary on a
 * timeline; `note` is a written remark with no contact behind it.
 */
export const ActivityKind = t.union(
  [
    t.literal('call'),
    t.literal('email'),
    t.literal('meeting'),
    t.literal('visit'),
    t.literal('message'),
    t.literal('note'),
  ],
  'ActivityKind',
);
/** What kind of contact an activity was. */
export type ActivityKind = t.TypeOf<typeof ActivityKind>;

/** Who called whom. */
export const CallDirection = t.union(
  [t.literal('inbound'), t.literal('outbound')],
  'CallDirection',
);
/** Who called whom. */
export type CallDirection = t.TypeOf<typeof CallDirection>;

/** How a call ended. */
export const CallOutcome = t.union(
  [
    t.literal('connected'),
    t.literal('no_answer'),
    t.literal('voicemail'),
    t.literal('busy'),
    t.literal('wrong_number'),
  ],
  'CallOutcome',
);
/** How a call ended. */
export type CallOutcome = t.TypeOf<typeof CallOutcome>;

/** Brand of {@link DurationSeconds}. */
export interface DurationSecondsBrand {
  readonly DurationSeconds: unique symbol;
}
/** A duration in whole seconds, 0 or more. */
export const DurationSeconds = t.brand(
  t.number,
  (n): n is t.Branded<number, DurationSecondsBrand> => Number.isInteger(n) && n >= 0,
  'DurationSeconds',
);
/** A duration in whole seconds. */
export type DurationSeconds = t.TypeOf<typeof DurationSeconds>;

/** What a call was: its direction, how long it lasted and how it ended. */
export const CallDetails = t.type(
  { direction: CallDirection, durationSeconds: DurationSeconds, outcome: CallOutcome },
  'CallDetails',
);
/** What a call was. */
export type CallDetails = t.TypeOf<typeof CallDetails>;

/** Brand of {@link Latitude}. */
export interface LatitudeBrand {
  readonly Latitude: unique symbol;
}
/** Degrees north (positive) or south, −90 to 90. */
export const Latitude = t.brand(
  t.number,
  (n): n is t.Branded<number, LatitudeBrand> => Number.isFinite(n) && n >= -90 && n <= 90,
  'Latitude',
);
/** Brand of {@link Longitude}. */
export interface LongitudeBrand {
  readonly Longitude: unique symbol;
}
/** Degrees east (positive) or west, −180 to 180. */
export const Longitude = t.brand(
  t.number,
  (n): n is t.Branded<number, LongitudeBrand> => Number.isFinite(n) && n >= -180 && n <= 180,
  'Longitude',
);

/** A point on Earth in WGS 84 degrees. */
export const Coordinates = t.type({ latitude: Latitude, longitude: Longitude }, 'Coordinates');
/** A point on Earth. */
export type Coordinates = t.TypeOf<typeof Coordinates>;

/**
 * A visit's check-in as the rep records it: when, the place's name, and where the phone was.
 * `siteCoordinates` is where the customer's address lies, when the caller knows it.
 */
export const CheckInInput = t.intersection(
  [
    t.type({ at: IsoInstant, placeName: NonEmptyText }),
    t.partial({ coordinates: Coordinates, siteCoordinates: Coordinates }),
  ],
  'CheckInInput',
);
/** A visit's check-in as the rep records it. */
export type CheckInInput = t.TypeOf<typeof CheckInInput>;
