import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { AccessLogCommand } from './commands.js';
import type { PersonalDataRead } from './events.js';

/** Whether a read is on record: one stream per read, `AccessLog-<readId>`. */
export interface AccessLogState {
  readonly recorded: boolean;
}

/** Records a read once, with its subjects sorted and without duplicates; a read of nobody is no record. */
export const accessLogDecider: Decider<AccessLogCommand, PersonalDataRead, AccessLogState, never> =
  {
    initialState: { recorded: false },
    decide: (command, state) => {
      const subjects = [...new Set(command.subjects)].sort();
      if (state.recorded || subjects.length === 0) return E.right([]);
      const { readId, through } = command;
      return E.right([
        { type: 'PersonalDataRead', data: { readId, through, subjects, count: subjects.length } },
      ]);
    },
    evolve: () => ({ recorded: true }),
  };
