import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { OffboardingCommand } from './commands.js';
import type { OffboardingError } from './errors.js';
import type { OffboardingEvent } from './events.js';
import type { OffboardingState } from './state.js';
import { evolveOffboarding, initialOffboardingState, recordKey } from './state.js';

type Decision = E.Either<OffboardingError, readonly OffboardingEvent[]>;

const offboard = (
  command: Extract<OffboardingCommand, { kind: 'OffboardRep' }>,
  state: OffboardingState,
): Decision => {
  const { kind: _, ...data } = command;
  const { repId, noticeGivenOn, leavesOn, successors } = data;
  if (state.offboarded)
    return E.left({ kind: 'AlreadyOffboarded', repId, leavesOn: state.leavesOn });
  if (leavesOn < noticeGivenOn)
    return E.left({ kind: 'LeavesBeforeNotice', noticeGivenOn, leavesOn });
  if (successors.length === 0)
    return E.left({ kind: 'NoSuccessor', repId, reason: 'the policy names nobody' });
  if (successors.includes(repId))
    return E.left({
      kind: 'NoSuccessor',
      repId,
      reason: 'a leaver cannot take over their own records',
    });
  return E.right([{ type: 'RepOffboarded', data }]);
};

const reassign = (
  command: Extract<OffboardingCommand, { kind: 'ReassignRecord' }>,
  state: OffboardingState,
): Decision => {
  const { kind: _, ...data } = command;
  if (!state.offboarded) return E.left({ kind: 'NotOffboarded', repId: data.repId });
  if (!state.successors.includes(data.toOwnerId))
    return E.left({ kind: 'NotASuccessor', repId: data.repId, toOwnerId: data.toOwnerId });
  const key = recordKey(data.recordType, data.recordId);
  // A record is handed over once: a replayed or redelivered hand-over changes nothing.
  if (state.reassignments.some((r) => recordKey(r.recordType, r.recordId) === key))
    return E.right([]);
  return E.right([{ type: 'RecordReassigned', data }]);
};

/**
 * The Offboarding decider: records a rep's departure once, and each of their records' hand-over
 * once, to one of the successors the departure named.
 */
export const offboardingDecider: Decider<
  OffboardingCommand,
  OffboardingEvent,
  OffboardingState,
  OffboardingError
> = {
  initialState: initialOffboardingState,
  decide: (command, state) =>
    command.kind === 'OffboardRep' ? offboard(command, state) : reassign(command, state),
  evolve: evolveOffboarding,
};
