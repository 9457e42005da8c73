import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { PriceListCommand } from './commands.js';
import type { PriceListError } from './errors.js';
import type { PriceListEvent } from './events.js';
import type { PriceListState } from './state.js';
import { evolvePriceList, initialPriceListState } from './state.js';

type Decision = E.Either<PriceListError, readonly PriceListEvent[]>;

const decide = (command: PriceListCommand, state: PriceListState): Decision => {
  const { priceListId } = command;
  if (command.kind === 'CreatePriceList') {
    if ('created' in state) return E.left({ kind: 'PriceListAlreadyCreated', priceListId });
    const { kind: _, ...list } = command;
    return E.right([{ type: 'PriceListCreated', data: list }]);
  }
  if (!('created' in state)) return E.left({ kind: 'PriceListNotFound', priceListId });
  const { productId, unitPrice, effectiveFrom } = command;
  if (unitPrice.currency !== state.currency) {
    return E.left({
      kind: 'PriceCurrencyMismatch',
      priceListId,
      expected: state.currency,
      got: unitPrice.currency,
    });
  }
  const same = state.prices[productId]?.find(
    (entry) =>
      entry.effectiveFrom === effectiveFrom &&
      entry.unitPrice.amountMinor === unitPrice.amountMinor,
  );
  return E.right(
    same === undefined
      ? [{ type: 'ProductPriceSet', data: { priceListId, productId, unitPrice, effectiveFrom } }]
      : [],
  );
};

/**
 * The PriceList aggregate: the prices of one currency and customer segment, each effective from
 * a day on, with the tax rate of each tax class. Setting the same price again records nothing.
 */
export const priceListDecider: Decider<
  PriceListCommand,
  PriceListEvent,
  PriceListState,
  PriceListError
> = { initialState: initialPriceListState, decide, evolve: evolvePriceList };
