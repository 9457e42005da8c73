import type { CommerceAuthorizers } from '../authorization/commerceAuthorizers.js';
import type { CheckpointStore, EventStore } from '@clientele/eventstore';
import type { SnapshotOptions } from '../shared/snapshotting.js';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import type { PriceListService } from '../priceList/priceListService.js';
import { createPriceListService } from '../priceList/priceListService.js';
import type { ProductService } from '../product/productService.js';
import { createProductService } from '../product/productService.js';
import type { DiscountRules } from '../quote/discountRules.js';
import type { QuoteService } from '../quote/quoteService.js';
import { createQuoteService } from '../quote/quoteService.js';
import type { SalesOrderService } from '../salesOrder/salesOrderService.js';
import { createSalesOrderService } from '../salesOrder/salesOrderService.js';
import type { ContractService } from '../contract/contractService.js';
import { createContractService } from '../contract/contractService.js';
import type { QuoteToOrderReactor } from './quoteToOrderReactor.js';
import { createQuoteToOrderReactor } from './quoteToOrderReactor.js';

/** The discount rules of demos and tests: reps alone up to 10 %, managers 25 %, directors 50 %. */
export const DEFAULT_DISCOUNT_RULES: DiscountRules = {
  limitsByRole: { sales_rep: 1_000, sales_manager: 2_500, sales_director: 5_000 },
  otherRolesBps: 0,
};

/** The catalog, quote and order entry points over one store, and the quote-to-order reactor. */
export interface ProductToCashServices {
  readonly products: ProductService;
  readonly priceLists: PriceListService;
  readonly quotes: QuoteService;
  readonly orders: SalesOrderService;
  readonly contracts: ContractService;
  readonly quoteToOrder: QuoteToOrderReactor;
}

/** Options of {@link createProductToCashServices}. */
export interface ProductToCashOptions {
  readonly discountRules?: DiscountRules;
  /** Where the quote-to-order reactor keeps its checkpoint; in memory by default. */
  readonly checkpoints?: CheckpointStore;
  readonly newEventId?: () => string;
  /** Snapshots of products, price lists, quotes, orders and contracts; none by default. */
  readonly snapshots?: SnapshotOptions | undefined;
  /** Who may do what on each entry point (`commerceAuthorizers(policy, teams)`). */
  readonly authorizers: Pick<
    CommerceAuthorizers,
    'product' | 'priceList' | 'quote' | 'salesOrder' | 'contract'
  >;
}

/** Wires the product-to-cash entry points over a store, the way an app would. */
export const createProductToCashServices = (
  store: EventStore,
  options: ProductToCashOptions,
): ProductToCashServices => {
  const ids = {
    newEventId: options.newEventId,
    snapshots: options.snapshots,
  };
  const { authorizers } = options;
  const products = createProductService(store, { ...ids, authorize: authorizers.product });
  const priceLists = createPriceListService(store, { ...ids, authorize: authorizers.priceList });
  const orders = createSalesOrderService(store, { ...ids, authorize: authorizers.salesOrder });
  const contracts = createContractService(store, { ...ids, authorize: authorizers.contract });
  return {
    products,
    priceLists,
    quotes: createQuoteService(store, {
      products,
      priceLists,
      discountRules: options.discountRules ?? DEFAULT_DISCOUNT_RULES,
      ...ids,
      authorize: authorizers.quote,
    }),
    orders,
    contracts,
    quoteToOrder: createQuoteToOrderReactor({
      store,
      checkpoints: options.checkpoints ?? createInMemoryCheckpointStore(),
      orders,
      contracts,
    }),
  };
};
