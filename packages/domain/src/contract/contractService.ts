import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { ContractCommandInput } from './commands.js';
import { ContractCommand } from './commands.js';
import { contractDecider } from './decide.js';
import type { ContractError } from './errors.js';
import { ContractEvent } from './events.js';
import type { ContractState } from './state.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { CONTRACT_STATE_VERSION, ContractStateCodec } from './stateCodec.js';

/** The stream of a contract. */
export const contractStream = (contractId: string): string => streamName('Contract', contractId);

/** Options of {@link createContractService}. */
export interface ContractServiceOptions {
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded contract before every decision. */
  readonly authorize: CommandAuthorizer<ContractCommand, ContractState>;
  /** Snapshot each contract every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** The Contract write side. */
export interface ContractService extends CommandEntry<
  ContractEvent,
  ContractState,
  ContractError,
  ContractCommandInput
> {
  load(contractId: string): Promise<ContractState>;
}

/** The typed entry point of the Contract aggregate: decodes input, then handles it. */
export const createContractService = (
  store: EventStore,
  options: ContractServiceOptions,
): ContractService => {
  const handler = createCommandHandler({
    store,
    decider: contractDecider,
    eventCodec: ContractEvent,
    streamName: (command) => contractStream(command.contractId),
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: snapshotPolicyOf(options.snapshots, CONTRACT_STATE_VERSION, ContractStateCodec),
  });
  return {
    ...createCommandEntry(ContractCommand, handler),
    load: async (contractId) => (await handler.load(contractStream(contractId))).state,
  };
};
