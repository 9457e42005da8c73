import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { PriceListCommandInput } from './commands.js';
import { PriceListCommand } from './commands.js';
import { priceListDecider } from './decide.js';
import type { PriceListError } from './errors.js';
import { PriceListEvent } from './events.js';
import type { PriceListState } from './state.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { PRICE_LIST_STATE_VERSION, PriceListStateCodec } from './stateCodec.js';

/** The stream of a price list. */
export const priceListStream = (priceListId: string): string =>
  streamName('PriceList', priceListId);

/** Options of {@link createPriceListService}. */
export interface PriceListServiceOptions {
  /** Event id generator; a seeded one makes generated histories repeatable. */
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded price list before every decision. */
  readonly authorize: CommandAuthorizer<PriceListCommand, PriceListState>;
  /** Snapshot each price list every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** The PriceList write side. */
export interface PriceListService extends CommandEntry<
  PriceListEvent,
  PriceListState,
  PriceListError,
  PriceListCommandInput
> {
  load(priceListId: string): Promise<PriceListState>;
}

/** The typed entry point of the PriceList aggregate: decodes input, then handles it. */
export const createPriceListService = (
  store: EventStore,
  options: PriceListServiceOptions,
): PriceListService => {
  const handler = createCommandHandler({
    store,
    decider: priceListDecider,
    eventCodec: PriceListEvent,
    streamName: (command) => priceListStream(command.priceListId),
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: snapshotPolicyOf(options.snapshots, PRICE_LIST_STATE_VERSION, PriceListStateCodec),
  });
  return {
    ...createCommandEntry(PriceListCommand, handler),
    load: async (priceListId) => (await handler.load(priceListStream(priceListId))).state,
  };
};
