import type { ActivityEvent } from './events.js';
import type { RecordLink } from './recordLink.js';
import type { ActivityKind } from './values.js';
import { sameRecord } from './recordLink.js';

/** A logged activity, as its events left it. */
export interface LoggedActivity {
  readonly logged: true;
  readonly activityId: string;
  readonly kind: ActivityKind;
  /** The rep who logged it. */
  readonly ownerId: string;
  readonly subjectId: string;
  readonly on: readonly RecordLink[];
}

/** An activity stream's state: nothing yet, or a logged activity. */
export type ActivityState = { readonly logged: false } | LoggedActivity;

/** The state of a stream with no events. */
export const initialActivityState: ActivityState = { logged: false };

/** Folds one event into the activity. */
export const evolveActivity = (state: ActivityState, event: ActivityEvent): ActivityState => {
  switch (event.type) {
    case 'ActivityLogged':
      return {
        logged: true,
        activityId: event.data.activityId,
        kind: event.data.kind,
        ownerId: event.data.ownerId,
        subjectId: event.data.subjectId,
        on: event.data.on,
      };
    case 'ActivityAttached':
      return state.logged && !state.on.some((link) => sameRecord(link, event.data.to))
        ? { ...state, on: [...state.on, event.data.to] }
        : state;
    case 'ActivityCorrected':
      return state;
  }
};
