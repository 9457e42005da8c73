import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { ActivityCommand } from './commands.js';
import type { ActivityError } from './errors.js';
import type { ActivityEvent, CheckIn } from './events.js';
import type { ActivityState, LoggedActivity } from './state.js';
import type { ActivityKind, CheckInInput } from './values.js';
import { distanceInMeters } from './distance.js';
import { sameRecord } from './recordLink.js';
import { evolveActivity, initialActivityState } from './state.js';

type Decision = E.Either<ActivityError, readonly ActivityEvent[]>;
type LogActivity = Extract<ActivityCommand, { kind: 'LogActivity' }>;

/** The detail each kind needs; a kind not listed takes none. */
const DETAIL_OF_KIND: Partial<Record<ActivityKind, 'call' | 'emailSubject' | 'checkIn'>> = {
  call: 'call',
  email: 'emailSubject',
  visit: 'checkIn',
};
const DETAILS = ['call', 'emailSubject', 'checkIn'] as const;

const detailsMismatch = (command: LogActivity): ActivityError | undefined => {
  const needed = DETAIL_OF_KIND[command.activityKind];
  const missing = needed !== undefined && command[needed] === undefined ? [needed] : [];
  const unexpected = DETAILS.filter((detail) => detail !== needed && command[detail] !== undefined);
  return missing.length === 0 && unexpected.length === 0
    ? undefined
    : {
        kind: 'ActivityDetailsMismatch',
        activityId: command.activityId,
        activityKind: command.activityKind,
        missing,
        unexpected,
      };
};

/** The recorded check-in: the distance to the site is worked out when both points are known. */
const checkInOf = (input: CheckInInput): CheckIn => {
  const { siteCoordinates, ...checkIn } = input;
  return input.coordinates === undefined || siteCoordinates === undefined
    ? checkIn
    : { ...checkIn, distanceMeters: distanceInMeters(input.coordinates, siteCoordinates) };
};

const log = (command: LogActivity): Decision => {
  const first = command.on[0];
  if (first === undefined) {
    return E.left({ kind: 'ActivityWithoutRecord', activityId: command.activityId });
  }
  const mismatch = detailsMismatch(command);
  if (mismatch !== undefined) return E.left(mismatch);
  const { kind: _, activityKind, subjectId, checkIn, on, ...rest } = command;
  const distinct = on.filter(
    (link, index) => on.findIndex((other) => sameRecord(other, link)) === index,
  );
  return E.right([
    {
      type: 'ActivityLogged',
      data: {
        ...rest,
        kind: activityKind,
        on: distinct,
        subjectId: subjectId ?? first.id,
        ...(checkIn === undefined ? {} : { checkIn: checkInOf(checkIn) }),
      },
    },
  ]);
};

const decideLogged = (
  command: Exclude<ActivityCommand, LogActivity>,
  activity: LoggedActivity,
): Decision => {
  const { activityId, subjectId } = activity;
  switch (command.kind) {
    case 'AttachActivity':
      return E.right(
        activity.on.some((link) => sameRecord(link, command.to))
          ? []
          : [{ type: 'ActivityAttached', data: { activityId, to: command.to } }],
      );
    case 'CorrectActivity': {
      const { kind: _, activityId: __, ...correction } = command;
      return E.right([
        { type: 'ActivityCorrected', data: { activityId, subjectId, ...correction } },
      ]);
    }
  }
};

/** Decides an activity command against the activity's state. */
export const decideActivity = (command: ActivityCommand, state: ActivityState): Decision => {
  if (command.kind === 'LogActivity') {
    return state.logged
      ? E.left({ kind: 'ActivityAlreadyLogged', activityId: command.activityId })
      : log(command);
  }
  return state.logged
    ? decideLogged(command, state)
    : E.left({ kind: 'ActivityNotFound', activityId: command.activityId });
};

/** The Activity aggregate as a decider: one logged call, email, meeting, visit, message or note. */
export const activityDecider: Decider<
  ActivityCommand,
  ActivityEvent,
  ActivityState,
  ActivityError
> = {
  initialState: initialActivityState,
  decide: decideActivity,
  evolve: evolveActivity,
};
