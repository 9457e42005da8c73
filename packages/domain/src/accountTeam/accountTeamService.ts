import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import type { AccountTeamCommandInput } from './commands.js';
import type { NotATeamMember } from './decide.js';
import type { AccountTeamState } from './state.js';
import type { TeamRecordType } from './values.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { AccountTeamCommand } from './commands.js';
import { accountTeamDecider } from './decide.js';
import { AccountTeamEvent } from './events.js';

/** The stream of a deal's or account's team. */
export const accountTeamStream = (recordType: TeamRecordType, recordId: string): string =>
  streamName('AccountTeam', `${recordType}.${recordId}`);

/** The team write side as apps use it. */
export interface AccountTeamService extends CommandEntry<
  AccountTeamEvent,
  AccountTeamState,
  NotATeamMember,
  AccountTeamCommandInput
> {
  load(recordType: TeamRecordType, recordId: string): Promise<AccountTeamState>;
}

/** Options of {@link createAccountTeamService}. */
export interface AccountTeamServiceOptions {
  readonly newEventId?: () => string;
  /** Who may change a team (by default: who may change the record; see `teamAuthorizer`). */
  readonly authorize: CommandAuthorizer<AccountTeamCommand, AccountTeamState>;
}

/** The typed entry point of deal and account teams: decodes input, then handles it. */
export const createAccountTeamService = (
  store: EventStore,
  options: AccountTeamServiceOptions,
): AccountTeamService => {
  const handler = createCommandHandler({
    store,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: accountTeamDecider,
    eventCodec: AccountTeamEvent,
    streamName: (command) => accountTeamStream(command.recordType, command.recordId),
  });
  return {
    ...createCommandEntry(AccountTeamCommand, handler),
    load: async (recordType, recordId) =>
      (await handler.load(accountTeamStream(recordType, recordId))).state,
  };
};
