import type { EventStore } from '@clientele/eventstore';
import { outstandingMinor } from '../../invoice/state.js';
import type { HistoryStep } from '../historyStep.js';
import type { HistoryWorld } from '../historyWorld.js';
import type { GeneratedProductToCash } from './productToCashServices.js';

/**
 * What follows a sale: the reactors run on the generator's business day (accepted quotes become
 * orders and contracts, renewal opportunities open, contracts renew or end, scheduled invoices are
 * issued); orders are delivered line by line; finance collects the scheduled invoices.
 */
export const afterSaleSteps = (
  services: GeneratedProductToCash,
  store: EventStore,
): readonly HistoryStep[] => {
  const orders: string[] = [];
  const invoices: string[] = [];
  let seen = 0n;

  const reactors: HistoryStep = {
    name: 'runSaleReactors',
    weight: () => 1,
    run: async (world) => {
      services.calendar.today = world.today();
      await services.quoteToOrder.runner.catchUp();
      await services.renewals.catchUp();
      await services.renewals.openRenewalOpportunities();
      await services.renewals.renewOrEndDue();
      await services.invoicing.catchUp();
      await services.invoicing.issueDue();
      // New orders and invoices become work for the steps below.
      for await (const event of store.readAll({
        filter: { eventTypes: ['OrderPlaced', 'InvoiceIssued'] },
      })) {
        if (event.position.commit <= seen) continue;
        seen = event.position.commit;
        const data = event.data as { orderId?: string; invoiceId?: string; saleLines?: unknown };
        if (event.type === 'OrderPlaced' && data.orderId !== undefined) orders.push(data.orderId);
        if (
          event.type === 'InvoiceIssued' &&
          data.saleLines !== undefined &&
          data.invoiceId !== undefined
        )
          invoices.push(data.invoiceId);
      }
    },
  };

  const fulfil: HistoryStep = {
    name: 'fulfilOrder',
    weight: () => (orders.length > 0 ? 1.5 : 0),
    run: async (world: HistoryWorld) => {
      const orderId = world.random.pick(orders);
      const order = await services.orders.load(orderId);
      if (!('placed' in order) || order.status === 'fulfilled' || order.status === 'cancelled') {
        orders.splice(orders.indexOf(orderId), 1);
        return;
      }
      const line = order.lines.find(
        (candidate) => (order.fulfilled[candidate.lineId] ?? 0) < candidate.quantity,
      );
      if (line === undefined) return;
      const left = line.quantity - (order.fulfilled[line.lineId] ?? 0);
      world.record(
        'fulfilOrderLine',
        await services.orders.handle(
          {
            kind: 'FulfilOrderLine',
            orderId,
            lineId: line.lineId,
            quantity: world.random.int(1, left),
            fulfilledOn: world.today(),
          },
          world.context('agent-warehouse'),
        ),
      );
    },
  };

  const collect: HistoryStep = {
    name: 'collectScheduledInvoice',
    weight: () => (invoices.length > 0 ? 2 : 0),
    run: async (world) => {
      const invoiceId = world.random.pick(invoices);
      invoices.splice(invoices.indexOf(invoiceId), 1);
      const invoice = await services.invoices.load(invoiceId);
      if (!invoice.issued || world.random.chance(0.1)) return;
      const amountMinor = outstandingMinor(invoice);
      if (amountMinor <= 0) return;
      const result = await services.invoices.handle(
        {
          kind: 'RecordPayment',
          invoiceId,
          paymentId: world.random.uuid(),
          amount: { amountMinor, currency: invoice.currency },
          receivedOn: world.today(),
        },
        world.context('finance-1'),
      );
      world.record('collectScheduledInvoice', result);
    },
  };

  return [reactors, fulfil, collect];
};
