import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { AnalyticsModelCommandInput } from './commands.js';
import { AnalyticsModelCommand } from './commands.js';
import { analyticsModelDecider } from './decide.js';
import type { AnalyticsModelError } from './errors.js';
import { AnalyticsModelEvent } from './events.js';
import type { AnalyticsModelState } from './state.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { ANALYTICS_MODEL_STATE_VERSION, AnalyticsModelStateCodec } from './stateCodec.js';

/** The AnalyticsModel write side: where trainings are recorded for auditors. */
export interface AnalyticsModelService extends CommandEntry<
  AnalyticsModelEvent,
  AnalyticsModelState,
  AnalyticsModelError,
  AnalyticsModelCommandInput
> {
  load(modelId: string): Promise<AnalyticsModelState>;
}

/** Options of {@link createAnalyticsModelService}. */
export interface AnalyticsModelServiceOptions {
  readonly newEventId?: () => string;
  /** Who may record a training: checked before every decision. */
  readonly authorize: CommandAuthorizer<AnalyticsModelCommand, AnalyticsModelState>;
  /** Snapshot each model every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** The typed entry point of the AnalyticsModel aggregate: decodes input, then handles it. */
export const createAnalyticsModelService = (
  store: EventStore,
  options: AnalyticsModelServiceOptions,
): AnalyticsModelService => {
  const handler = createCommandHandler({
    store,
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: snapshotPolicyOf(
      options.snapshots,
      ANALYTICS_MODEL_STATE_VERSION,
      AnalyticsModelStateCodec,
    ),
    decider: analyticsModelDecider,
    eventCodec: AnalyticsModelEvent,
    streamName: (command) => streamName('AnalyticsModel', command.modelId),
  });
  return {
    ...createCommandEntry(AnalyticsModelCommand, handler),
    load: async (modelId) => (await handler.load(streamName('AnalyticsModel', modelId))).state,
  };
};
