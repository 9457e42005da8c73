import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import { money } from '../shared/money.js';
import { totalsMatchLines } from '../quote/pricing.js';
import type { SalesOrderCommand } from './commands.js';
import type { SalesOrderError } from './errors.js';
import type { SalesOrderEvent } from './events.js';
import type { SalesOrderProfile, SalesOrderState } from './state.js';
import { evolveSalesOrder, initialSalesOrderState } from './state.js';

type Decision = E.Either<SalesOrderError, readonly SalesOrderEvent[]>;
type Command<K extends SalesOrderCommand['kind']> = Extract<SalesOrderCommand, { kind: K }>;

/** The credit facts of an order over the limit, keyed by what the policy makes of them. */
const creditOutcome = (command: Command<'PlaceOrder'>): E.Either<SalesOrderError, object> => {
  const check = command.creditCheck;
  if (check === undefined) return E.right({});
  const { currency } = command.totals.total;
  const foreign = [check.creditLimit, check.outstanding].find(
    (amount) => amount.currency !== currency,
  );
  if (foreign !== undefined) {
    return E.left({ kind: 'OrderCurrencyMismatch', expected: currency, actual: foreign.currency });
  }
  const outstandingAfter = money(
    check.outstanding.amountMinor + command.totals.total.amountMinor,
    currency,
  );
  if (outstandingAfter.amountMinor <= check.creditLimit.amountMinor) return E.right({});
  const facts = { creditLimit: check.creditLimit, outstandingAfter };
  return E.right(check.policy === 'block' ? { creditHold: facts } : { creditWarning: facts });
};

const place = (command: Command<'PlaceOrder'>, state: SalesOrderState): Decision => {
  const { orderId } = command;
  if ('placed' in state) return E.left({ kind: 'OrderAlreadyPlaced', orderId });
  if (command.lines.length === 0) return E.left({ kind: 'OrderHasNoLines', orderId });
  if (command.totals.total.currency !== command.currency) {
    return E.left({
      kind: 'OrderCurrencyMismatch',
      expected: command.currency,
      actual: command.totals.total.currency,
    });
  }
  if (!totalsMatchLines(command.lines, command.totals))
    return E.left({ kind: 'OrderTotalsMismatch', orderId });
  const { kind: _, creditCheck: __, ...order } = command;
  return E.map((credit: object): readonly SalesOrderEvent[] => [
    { type: 'OrderPlaced', data: { ...order, ...credit } },
  ])(creditOutcome(command));
};

const fulfil = (command: Command<'FulfilOrderLine'>, order: SalesOrderProfile): Decision => {
  const { orderId } = order;
  if (order.onCreditHold) return E.left({ kind: 'OrderOnCreditHold', orderId });
  const line = order.lines.find((candidate) => candidate.lineId === command.lineId);
  if (line === undefined)
    return E.left({ kind: 'UnknownOrderLine', orderId, lineId: command.lineId });
  const fulfilled = (order.fulfilled[line.lineId] ?? 0) + command.quantity;
  if (fulfilled > line.quantity) {
    return E.left({
      kind: 'FulfilmentExceedsOrdered',
      lineId: line.lineId,
      ordered: line.quantity,
      fulfilled,
    });
  }
  const { kind: _, ...delivery } = command;
  const complete = order.lines.every(
    (candidate) =>
      (candidate.lineId === line.lineId ? fulfilled : (order.fulfilled[candidate.lineId] ?? 0)) >=
      candidate.quantity,
  );
  return E.right([
    { type: 'OrderLineFulfilled', data: delivery },
    ...(complete
      ? [{ type: 'OrderFulfilled' as const, data: { orderId, fulfilledOn: command.fulfilledOn } }]
      : []),
  ]);
};

const decideOpen = (
  command: Exclude<SalesOrderCommand, { kind: 'PlaceOrder' }>,
  order: SalesOrderProfile,
): Decision => {
  const { orderId } = order;
  switch (command.kind) {
    case 'FulfilOrderLine':
      return fulfil(command, order);
    case 'ReleaseOrderCreditHold': {
      if (!order.onCreditHold) return E.left({ kind: 'OrderNotOnCreditHold', orderId });
      const { kind: _, ...release } = command;
      return E.right([{ type: 'OrderCreditHoldReleased', data: release }]);
    }
    case 'CancelOrder': {
      if (order.status !== 'open') return E.left({ kind: 'OrderPartlyFulfilled', orderId });
      const { kind: _, ...cancellation } = command;
      return E.right([{ type: 'OrderCancelled', data: cancellation }]);
    }
  }
};

const decide = (command: SalesOrderCommand, state: SalesOrderState): Decision => {
  if (command.kind === 'PlaceOrder') return place(command, state);
  if (!('placed' in state)) return E.left({ kind: 'OrderNotFound', orderId: command.orderId });
  if (command.kind === 'CancelOrder' && state.status === 'cancelled') return E.right([]);
  if (state.status === 'fulfilled' || state.status === 'cancelled') {
    return E.left({ kind: 'OrderClosed', orderId: state.orderId, status: state.status });
  }
  return decideOpen(command, state);
};

/**
 * The SalesOrder aggregate: an order whose lines keep product, quantity, price, discount and tax
 * as quoted, with totals that must be the lines' sums; a credit check at order time (held under
 * `block`, warned under `warn`); fulfilment per line up to the ordered quantity; cancellation
 * while nothing is delivered.
 */
export const salesOrderDecider: Decider<
  SalesOrderCommand,
  SalesOrderEvent,
  SalesOrderState,
  SalesOrderError
> = {
  initialState: initialSalesOrderState,
  decide,
  evolve: evolveSalesOrder,
};
