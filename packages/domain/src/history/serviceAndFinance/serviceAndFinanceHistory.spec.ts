import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@clientele/eventstore';
import { createInMemoryEventStore, streamCategory } from '@clientele/eventstore';
import { describe, expect, it } from 'vitest';
import { CampaignEvent } from '../../campaign/events.js';
import { CommissionEvent } from '../../commission/events.js';
import { periodBase } from '../../commission/state.js';
import { planCommission } from '../../commission/plan.js';
import { InvoiceEvent } from '../../invoice/events.js';
import { TargetEvent } from '../../target/events.js';
import { TicketEvent } from '../../ticket/events.js';
import { generateHistory } from '../generateHistory.js';
import { salesHistorySetup, salesHistorySteps } from '../salesHistory.js';
import { collect } from '../../testing/openedStore.js';
import { serviceAndFinanceHistory } from './index.js';

const codecs: Record<string, { decode: (u: unknown) => E.Either<unknown, unknown> }> = {
  Ticket: TicketEvent,
  Campaign: CampaignEvent,
  Invoice: InvoiceEvent,
  Target: TargetEvent,
  Commission: CommissionEvent,
};

const generate = async (store: EventStore, seed: number, steps: number) => {
  const finance = serviceAndFinanceHistory(store, seed);
  const world = await generateHistory({
    store,
    seed,
    steps,
    setup: [...salesHistorySetup, ...finance.setup],
    stepKinds: [...salesHistorySteps, ...finance.steps],
  });
  await finance.services.accrual.catchUp();
  return { world, finance };
};

const comparable = (event: RecordedEvent) => ({
  eventId: event.eventId,
  streamName: event.streamName,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});

describe('seeded history with service and finance', () => {
  it('names a lead’s or deal’s campaign only after a recorded campaign, each campaign differently, and no customer after a lead id', async () => {
    const store = createInMemoryEventStore();
    const { world } = await generate(store, 5, 800);
    const events = await collect(store.readAll());
    const data = (event: RecordedEvent) => event.data as Record<string, string | undefined>;
    const planned = new Map(
      events
        .filter((event) => event.type === 'CampaignPlanned')
        .map((event) => [data(event)['campaignId'], data(event)['name']]),
    );
    const named = events
      .map((event) => data(event)['campaignId'])
      .filter((campaignId) => campaignId !== undefined);
    expect(named.length).toBeGreaterThan(planned.size);
    for (const campaignId of named) expect(planned.has(campaignId), campaignId).toBe(true);
    for (const name of planned.values()) expect(name).not.toMatch(/^Campaign \d+$/);
    expect(new Set(planned.values()).size).toBe(planned.size);
    const customers = events.filter((event) => event.type === 'CustomerRegistered');
    expect(customers.length).toBeGreaterThan(0);
    for (const customer of customers) expect(data(customer)['name']).not.toMatch(/^Lead /);
    expect(world.tally.get('correctLeadContact')?.accepted).toBeGreaterThan(0);
    expect(world.tally.get('correctLeadContact')?.rejected ?? 0).toBe(0);
  }, 120_000);

  it('adds tickets, campaigns, invoices, payments, refunds, targets and commission the domain accepted', async () => {
    const store = createInMemoryEventStore();
    const { world, finance } = await generate(store, 11, 1000);
    const types = new Set<string>();
    for (const event of await collect(store.readAll())) {
      const codec = codecs[streamCategory(event.streamName)];
      if (codec === undefined) continue;
      expect(E.isRight(codec.decode({ type: event.type, data: event.data })), event.type).toBe(
        true,
      );
      types.add(event.type);
    }
    for (const type of [
      'TicketOpened',
      'TicketResolved',
      'TicketClosed',
      'CampaignPlanned',
      'CampaignCostRecorded',
      'InvoiceIssued',
      'InvoicePaymentRecorded',
      'InvoicePaymentRefunded',
      'TargetApproved',
      'CommissionPlanAssigned',
      'CommissionAccrued',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(world.tally.get('issueInvoice')?.accepted).toBeGreaterThan(0);
    // Every rep's ledger holds exactly what its plan pays on each period's net collected.
    for (const repId of world.reps) {
      const ledger = await finance.services.commissions.load(repId);
      for (const [period, entry] of Object.entries(ledger.periods)) {
        expect(entry.accruedMinor - entry.clawedBackMinor, `${repId} ${period}`).toBe(
          planCommission(entry.plan, periodBase(ledger, period, entry.plan), entry.targetMinor),
        );
      }
    }
  });

  it('repeats the same history, event ids included, from the same seed', async () => {
    const first = createInMemoryEventStore();
    const second = createInMemoryEventStore();
    await generate(first, 5, 250);
    await generate(second, 5, 250);
    const a = (await collect(first.readAll())).map(comparable);
    const b = (await collect(second.readAll())).map(comparable);
    expect(b).toEqual(a);
    expect(a.some((event) => event.streamName.startsWith('Invoice-'))).toBe(true);
  });
});
