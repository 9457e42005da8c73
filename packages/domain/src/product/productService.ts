import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import type { ProductCommandInput } from './commands.js';
import { ProductCommand } from './commands.js';
import { productDecider } from './decide.js';
import type { ProductError } from './errors.js';
import { ProductEvent } from './events.js';
import type { ProductState } from './state.js';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { snapshotPolicyOf } from '../shared/snapshotting.js';
import { PRODUCT_STATE_VERSION, ProductStateCodec } from './stateCodec.js';

/** The stream of a product. */
export const productStream = (productId: string): string => streamName('Product', productId);

/** Options of {@link createProductService}. */
export interface ProductServiceOptions {
  /** Event id generator; a seeded one makes generated histories repeatable. */
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded product before every decision. */
  readonly authorize: CommandAuthorizer<ProductCommand, ProductState>;
  /** Snapshot each product every `every` events in `store`; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
}

/** The Product write side: the catalog's items. */
export interface ProductService extends CommandEntry<
  ProductEvent,
  ProductState,
  ProductError,
  ProductCommandInput
> {
  load(productId: string): Promise<ProductState>;
}

/** The typed entry point of the Product aggregate: decodes input, then handles it. */
export const createProductService = (
  store: EventStore,
  options: ProductServiceOptions,
): ProductService => {
  const handler = createCommandHandler({
    store,
    decider: productDecider,
    eventCodec: ProductEvent,
    streamName: (command) => productStream(command.productId),
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: snapshotPolicyOf(options.snapshots, PRODUCT_STATE_VERSION, ProductStateCodec),
  });
  return {
    ...createCommandEntry(ProductCommand, handler),
    load: async (productId) => (await handler.load(productStream(productId))).state,
  };
};
