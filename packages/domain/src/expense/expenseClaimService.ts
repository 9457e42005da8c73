import * as E from 'fp-ts/lib/Either.js';
import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { decodeCommand, entryFailure } from '../shared/commandEntry.js';
import type { ExpenseClaimCommandInput } from './commands.js';
import { ExpenseClaimCommand } from './commands.js';
import { expenseClaimDecider } from './decide.js';
import type { ExpenseClaimError } from './errors.js';
import { ExpenseClaimEvent } from './events.js';
import type { ExpenseClaimState } from './state.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { EXPENSE_CLAIM_STATE_VERSION, ExpenseClaimStateCodec } from './stateCodec.js';

/** The stream of an expense claim. */
export const expenseClaimStream = (claimId: string): string => streamName('ExpenseClaim', claimId);

/** Options of {@link createExpenseClaimService}. */
export interface ExpenseClaimServiceOptions {
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded claim before every decision. */
  readonly authorize: CommandAuthorizer<ExpenseClaimCommand, ExpenseClaimState>;
  /** Snapshot each expense claim every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** The ExpenseClaim write side. */
export interface ExpenseClaimService extends CommandEntry<
  ExpenseClaimEvent,
  ExpenseClaimState,
  ExpenseClaimError,
  ExpenseClaimCommandInput
> {
  load(claimId: string): Promise<ExpenseClaimState>;
}

/**
 * The typed entry point of the ExpenseClaim aggregate: decodes input, records the actor as the
 * approver of an approval or refusal (so nobody approves in someone else's name), then handles it.
 */
export const createExpenseClaimService = (
  store: EventStore,
  options: ExpenseClaimServiceOptions,
): ExpenseClaimService => {
  const handler = createCommandHandler({
    store,
    decider: expenseClaimDecider,
    eventCodec: ExpenseClaimEvent,
    streamName: (command) => expenseClaimStream(command.claimId),
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: snapshotPolicyOf(
      options.snapshots,
      EXPENSE_CLAIM_STATE_VERSION,
      ExpenseClaimStateCodec,
    ),
  });
  const handle: ExpenseClaimService['handle'] = async (input, context) => {
    const decoded = decodeCommand(ExpenseClaimCommand, input);
    if (E.isLeft(decoded)) return decoded;
    const command =
      decoded.right.kind === 'ApproveExpenseClaim' || decoded.right.kind === 'RejectExpenseClaim'
        ? { ...decoded.right, approverId: context.actor.id }
        : decoded.right;
    return E.mapLeft(entryFailure<ExpenseClaimError>)(await handler.handle(command, context));
  };
  return {
    handle,
    send: handle,
    load: async (claimId) => (await handler.load(expenseClaimStream(claimId))).state,
  };
};
