import type { Decider } from '@clientele/eventstore';
import type { CommissionCommand } from './commands.js';
import type { CommissionError } from './errors.js';
import type { CommissionEvent } from './events.js';
import type { CommissionDecision } from './postings.js';
import type { CommissionState } from './state.js';
import {
  recordBooking,
  recordCollection,
  recordDeparture,
  reverseBooking,
} from './baseDecisions.js';
import { adjustTarget, assignPlan } from './planDecisions.js';
import { paySettlement, settle } from './settlementDecisions.js';
import { evolveCommission, initialCommissionState } from './state.js';

/** Decides a commission command against the rep's ledger. */
export const decideCommission = (
  command: CommissionCommand,
  state: CommissionState,
): CommissionDecision => {
  switch (command.kind) {
    case 'AssignCommissionPlan':
      return assignPlan(command, state);
    case 'AdjustCommissionTarget':
      return adjustTarget(command, state);
    case 'RecordCollection':
      return recordCollection(command, state);
    case 'RecordBooking':
      return recordBooking(command, state);
    case 'ReverseBooking':
      return reverseBooking(command, state);
    case 'RecordRepDeparture':
      return recordDeparture(command, state);
    case 'SettleCommission':
      return settle(command, state);
    case 'PayCommissionSettlement':
      return paySettlement(command, state);
  }
};

/** The Commission aggregate (one ledger per rep) as a decider. */
export const commissionDecider: Decider<
  CommissionCommand,
  CommissionEvent,
  CommissionState,
  CommissionError
> = {
  initialState: initialCommissionState,
  decide: decideCommission,
  evolve: evolveCommission,
};
