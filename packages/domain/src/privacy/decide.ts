import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { DateOnly } from '../shared/dates.js';
import type { RetentionClass } from '../shared/retention.js';
import type { DataSubjectCommand } from './commands.js';
import type { DataSubjectEvent, RetentionHold } from './events.js';

/**
 * Compared as strings: today one retention class exists, so the typed comparison is always true,
 * but holds are kept per class and the next class must not need this code changed.
 */
const sameRetentionClass = (held: string, wanted: string): boolean => held === wanted;

/** A retention hold and whether it has ended. */
export interface HeldData extends RetentionHold {
  readonly erased: boolean;
}

/** What was done about one person's rights, as their stream's events left it. */
export interface DataSubjectState {
  readonly forgotten: boolean;
  /** The streams that held the person's data when they were forgotten. */
  readonly forgottenStreams: readonly string[];
  readonly holds: readonly HeldData[];
  readonly exports: number;
  readonly rectifications: number;
}

/** Why a data-subject command was refused. */
export type DataSubjectError =
  | { readonly kind: 'PersonNotForgotten'; readonly subjectId: string }
  | { readonly kind: 'PersonForgotten'; readonly subjectId: string }
  | {
      readonly kind: 'NoRetentionHold';
      readonly subjectId: string;
      readonly retentionClass: RetentionClass;
    }
  | {
      readonly kind: 'RetentionHoldNotExpired';
      readonly subjectId: string;
      readonly retentionClass: RetentionClass;
      readonly until: DateOnly;
    };

/** The state of a person nothing was done about yet. */
export const initialDataSubjectState: DataSubjectState = {
  forgotten: false,
  forgottenStreams: [],
  holds: [],
  exports: 0,
  rectifications: 0,
};

/** Folds one event into a data subject's state. */
export const evolveDataSubject = (
  state: DataSubjectState,
  event: DataSubjectEvent,
): DataSubjectState => {
  switch (event.type) {
    case 'PersonForgotten':
      return {
        ...state,
        forgotten: true,
        forgottenStreams: event.data.streams,
        holds: event.data.retentionHolds.map((hold) => ({ ...hold, erased: false })),
      };
    case 'RetainedPersonalDataErased':
      return {
        ...state,
        holds: state.holds.map((hold) =>
          sameRetentionClass(hold.retentionClass, event.data.retentionClass)
            ? { ...hold, erased: true }
            : hold,
        ),
      };
    case 'PersonalDataExported':
      return { ...state, exports: state.exports + 1 };
    case 'PersonalDataRectified':
      return { ...state, rectifications: state.rectifications + 1 };
  }
};

/**
 * Decides a data-subject command. Forgetting a forgotten person and ending an ended hold change
 * nothing, so a crashed erasure can simply be run again. A hold cannot end before its day.
 */
export const decideDataSubject = (
  command: DataSubjectCommand,
  state: DataSubjectState,
): E.Either<DataSubjectError, readonly DataSubjectEvent[]> => {
  const { subjectId } = command;
  switch (command.kind) {
    case 'ForgetPerson': {
      if (state.forgotten) return E.right([]);
      const { kind: _, ...data } = command;
      return E.right([{ type: 'PersonForgotten', data }]);
    }
    case 'EraseRetainedPersonalData': {
      if (!state.forgotten) return E.left({ kind: 'PersonNotForgotten', subjectId });
      const { retentionClass, at } = command;
      const hold = state.holds.find((held) =>
        sameRetentionClass(held.retentionClass, retentionClass),
      );
      if (hold === undefined) return E.left({ kind: 'NoRetentionHold', subjectId, retentionClass });
      if (hold.erased) return E.right([]);
      if (at.slice(0, 10) < hold.until) {
        return E.left({
          kind: 'RetentionHoldNotExpired',
          subjectId,
          retentionClass,
          until: hold.until,
        });
      }
      return E.right([
        { type: 'RetainedPersonalDataErased', data: { subjectId, retentionClass, at } },
      ]);
    }
    case 'RecordRectification': {
      // A forgotten person's corrections would be stored erased: there is nothing to correct.
      if (state.forgotten) return E.left({ kind: 'PersonForgotten', subjectId });
      const { kind: _, ...data } = command;
      return E.right([{ type: 'PersonalDataRectified', data }]);
    }
    case 'RecordPersonalDataExport': {
      const { kind: _, ...data } = command;
      return E.right([{ type: 'PersonalDataExported', data }]);
    }
  }
};

/** A data subject's stream as a decider. */
export const dataSubjectDecider: Decider<
  DataSubjectCommand,
  DataSubjectEvent,
  DataSubjectState,
  DataSubjectError
> = {
  initialState: initialDataSubjectState,
  decide: decideDataSubject,
  evolve: evolveDataSubject,
};
