import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { ProductCommand } from './commands.js';
import type { ProductError } from './errors.js';
import type { ProductEvent } from './events.js';
import type { ProductState } from './state.js';
import { evolveProduct, initialProductState } from './state.js';

type Decision = E.Either<ProductError, readonly ProductEvent[]>;

const decide = (command: ProductCommand, state: ProductState): Decision => {
  const { productId } = command;
  if (command.kind === 'DefineProduct') {
    if ('defined' in state) return E.left({ kind: 'ProductAlreadyDefined', productId });
    const { kind: _, billing = 'one_off', ...product } = command;
    return E.right([{ type: 'ProductDefined', data: { ...product, billing } }]);
  }
  if (!('defined' in state)) return E.left({ kind: 'ProductNotFound', productId });
  switch (command.kind) {
    case 'RetireProduct':
      return E.right(
        state.status === 'retired'
          ? []
          : [{ type: 'ProductRetired', data: { productId, retiredOn: command.retiredOn } }],
      );
    case 'ReactivateProduct':
      return E.right(
        state.status === 'active'
          ? []
          : [
              {
                type: 'ProductReactivated',
                data: { productId, reactivatedOn: command.reactivatedOn },
              },
            ],
      );
  }
};

/**
 * The Product aggregate: one catalog item with its SKU, unit, tax class and billing (one-off or
 * subscription), active or retired. Retiring twice, or reactivating an active product, is
 * accepted and records nothing.
 */
export const productDecider: Decider<ProductCommand, ProductEvent, ProductState, ProductError> = {
  initialState: initialProductState,
  decide,
  evolve: evolveProduct,
};
