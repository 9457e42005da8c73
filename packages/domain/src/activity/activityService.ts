import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import type { ActivityCommandInput } from './commands.js';
import type { ActivityError } from './errors.js';
import type { ActivityState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { ActivityCommand } from './commands.js';
import { activityDecider } from './decide.js';
import { ActivityEvent } from './events.js';

/** The stream of an activity. */
export const activityStream = (activityId: string): string => streamName('Activity', activityId);

/** The Activity write side as apps and importers use it. */
export interface ActivityService extends CommandEntry<
  ActivityEvent,
  ActivityState,
  ActivityError,
  ActivityCommandInput
> {
  load(activityId: string): Promise<ActivityState>;
}

/** Options of {@link createActivityService}. */
export interface ActivityServiceOptions {
  /** Event id generator; a seeded one makes generated histories repeatable. */
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded state before every decision. */
  readonly authorize: CommandAuthorizer<ActivityCommand, ActivityState>;
}

/** The typed entry point of the Activity aggregate: decodes input, then handles it. */
export const createActivityService = (
  store: EventStore,
  options: ActivityServiceOptions,
): ActivityService => {
  const handler = createCommandHandler({
    store,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: activityDecider,
    eventCodec: ActivityEvent,
    streamName: (command) => activityStream(command.activityId),
  });
  return {
    ...createCommandEntry(ActivityCommand, handler),
    load: async (activityId) => (await handler.load(activityStream(activityId))).state,
  };
};
