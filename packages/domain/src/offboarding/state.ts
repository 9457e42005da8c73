import type { DateOnly } from '../shared/dates.js';
import type { OffboardingEvent } from './events.js';
import type { HandedOverRecord, ReassignmentPolicy } from './values.js';

/** One record handed over, in the order the hand-over recorded them. */
export interface Reassignment {
  readonly recordType: HandedOverRecord;
  readonly recordId: string;
  readonly toOwnerId: string;
}

/** A rep's departure, one stream per rep (`Offboarding-<repId>`). */
export type OffboardingState =
  | { readonly offboarded: false }
  | {
      readonly offboarded: true;
      readonly repId: string;
      readonly noticeGivenOn: DateOnly;
      readonly leavesOn: DateOnly;
      readonly policy: ReassignmentPolicy;
      readonly successors: readonly string[];
      readonly reassignments: readonly Reassignment[];
    };

/** A rep who is not leaving. */
export const initialOffboardingState: OffboardingState = { offboarded: false };

/** The key of a handed-over record: `customer:c-1`. */
export const recordKey = (recordType: HandedOverRecord, recordId: string): string =>
  `${recordType}:${recordId}`;

/** Folds one event into the departure. */
export const evolveOffboarding = (
  state: OffboardingState,
  event: OffboardingEvent,
): OffboardingState => {
  switch (event.type) {
    case 'RepOffboarded':
      return { offboarded: true, ...event.data, reassignments: [] };
    case 'RecordReassigned': {
      if (!state.offboarded) return state;
      const { recordType, recordId, toOwnerId } = event.data;
      return {
        ...state,
        reassignments: [...state.reassignments, { recordType, recordId, toOwnerId }],
      };
    }
  }
};
