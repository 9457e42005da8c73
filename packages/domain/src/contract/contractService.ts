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

/** The stream of a contract. */
export const contractStream = (contractId: string): string => streamName('Contract', contractId);

/** Options of {@link createContractService}. */
export interface ContractServiceOptions {
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded contract before every decision. */
  readonly authorize: CommandAuthorizer<ContractCommand, ContractState>;
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
    ...(options.newEventId === undefined ? {} : { newEventId: options.newEventId }),
    authorize: options.authorize,
  });
  return {
    ...createCommandEntry(ContractCommand, handler),
    load: async (contractId) => (await handler.load(contractStream(contractId))).state,
  };
};
