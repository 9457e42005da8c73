import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { ExpenseBudgetCommandInput } from './commands.js';
import { ExpenseBudgetCommand } from './commands.js';
import type { ExpenseBudgetError, ExpenseBudgetState } from './decide.js';
import { expenseBudgetDecider } from './decide.js';
import { ExpenseBudgetEvent } from './events.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { EXPENSE_BUDGET_STATE_VERSION, ExpenseBudgetStateCodec } from './stateCodec.js';

/** Options of {@link createExpenseBudgetService}. */
export interface ExpenseBudgetServiceOptions {
  /** Event id generator; a seeded one makes generated histories repeatable. */
  readonly newEventId?: () => string;
  /** Who may set or change a rep's budget: checked against the loaded budget before every decision. */
  readonly authorize: CommandAuthorizer<ExpenseBudgetCommand, ExpenseBudgetState>;
  /** Snapshot each rep's budgets every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** The ExpenseBudget write side: one stream per rep, `ExpenseBudget-<repId>`. */
export type ExpenseBudgetService = CommandEntry<
  ExpenseBudgetEvent,
  ExpenseBudgetState,
  ExpenseBudgetError,
  ExpenseBudgetCommandInput
>;

/** The typed entry point of reps' expense budgets: decodes input, then handles it. */
export const createExpenseBudgetService = (
  store: EventStore,
  options: ExpenseBudgetServiceOptions,
): ExpenseBudgetService =>
  createCommandEntry(
    ExpenseBudgetCommand,
    createCommandHandler({
      store,
      decider: expenseBudgetDecider,
      eventCodec: ExpenseBudgetEvent,
      streamName: (command) => streamName('ExpenseBudget', command.repId),
      newEventId: options.newEventId,
      authorize: options.authorize,
      snapshots: snapshotPolicyOf(
        options.snapshots,
        EXPENSE_BUDGET_STATE_VERSION,
        ExpenseBudgetStateCodec,
      ),
    }),
  );
