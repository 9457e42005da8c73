import type { GeneratedDeal, HistoryWorld } from './historyWorld.js';
import type { HistoryStep } from './historyStep.js';
import { DEFAULT_B2B_PIPELINE } from '../opportunity/pipeline.js';
import { addDays } from '../shared/dates.js';
import { PRODUCTS } from './names.js';

const OPEN_STAGES = DEFAULT_B2B_PIPELINE.stages.filter((stage) => !stage.closed);

const sendDeal = async (world: HistoryWorld, step: string, deal: GeneratedDeal, command: object) =>
  world.record(
    step,
    await world.sales.opportunities.handle(
      { opportunityId: deal.opportunityId, ...command },
      world.context(deal.ownerId),
    ),
  );

/** Opens a deal for an existing customer, or with no account yet while prospecting. */
export const openOpportunityStep: HistoryStep = {
  name: 'openOpportunity',
  weight: (world) => (world.reps.length > 0 ? 1 : 0),
  run: async (world) => {
    const { random } = world;
    const opportunityId = random.uuid();
    const ownerId = random.pick(world.reps);
    const customerId =
      world.customers.length > 0 && random.chance(0.8) ? random.pick(world.customers) : null;
    const amount = { amountMinor: random.int(5, 800) * 10_000, currency: 'EUR' };
    const accepted = world.record(
      'openOpportunity',
      await world.sales.opportunities.handle(
        {
          kind: 'OpenOpportunity',
          opportunityId,
          name: `Deal ${world.deals.size + 1}`,
          ownerId,
          amount,
          expectedCloseOn: addDays(world.today(), random.int(30, 180)),
          ...(customerId === null ? {} : { customerId }),
          source: random.pick(['upsell', 'renewal', 'outbound']),
          ...(world.campaigns.length > 0 && random.chance(0.3)
            ? { campaignId: random.pick(world.campaigns) }
            : {}),
        },
        world.context(ownerId),
      ),
    );
    if (accepted) {
      const deal = await world.sales.opportunities.load(opportunityId);
      if ('opened' in deal) {
        world.trackDeal({
          opportunityId,
          customerId,
          ownerId,
          status: 'open',
          stageIndex: 0,
          amount: deal.amount,
          closedOn: null,
        });
      }
    }
  },
};

/** Moves an open deal forward one stage, sometimes skipping one, sometimes back. */
export const advanceOpportunityStep: HistoryStep = {
  name: 'advanceOpportunity',
  weight: (world) => (world.dealPools.open.size > 0 ? 4 : 0),
  run: async (world) => {
    const { random } = world;
    const deal = world.dealPools.open.pick(random);
    const step = random.weighted([
      [1, 8],
      [2, 1],
      [-1, 1],
    ] as const);
    const target = Math.max(0, Math.min(OPEN_STAGES.length - 1, deal.stageIndex + step));
    if (target === deal.stageIndex) return;
    const stage = OPEN_STAGES[target];
    if (stage === undefined) return;
    if (
      await sendDeal(world, 'advanceOpportunity', deal, {
        kind: 'MoveOpportunityStage',
        toStageId: stage.stageId,
      })
    ) {
      deal.stageIndex = target;
      world.trackDeal(deal);
    }
  },
};

/** Sends a quote with one to three product lines and a discount now and then. */
export const issueQuoteStep: HistoryStep = {
  name: 'issueQuote',
  weight: (world) => (world.dealPools.quotable.size > 0 ? 1 : 0),
  run: async (world) => {
    const { random } = world;
    const deal = world.dealPools.quotable.pick(random);
    const lines = Array.from({ length: random.int(1, 3) }, () => {
      const [product, price] = random.pick(PRODUCTS);
      return {
        product,
        quantity: random.int(1, 50),
        unitPrice: { amountMinor: price, currency: deal.amount.currency },
        ...(random.chance(0.4) ? { discountBps: random.int(1, 30) * 50 } : {}),
      };
    });
    await sendDeal(world, 'issueQuote', deal, {
      kind: 'IssueQuote',
      quoteId: random.uuid(),
      lines,
    });
  },
};

/** Wins or loses a deal; late-stage deals win more often. */
export const closeOpportunityStep: HistoryStep = {
  name: 'closeOpportunity',
  weight: (world) => (world.dealPools.closable.size > 0 ? 2.5 : 0),
  run: async (world) => {
    const { random } = world;
    const deal = world.dealPools.closable.pick(random);
    const today = world.today();
    if (random.chance(0.2 + deal.stageIndex * 0.15)) {
      const finalAmount = random.chance(0.3)
        ? {
            amountMinor: Math.round((deal.amount.amountMinor * random.int(80, 110)) / 100),
            currency: deal.amount.currency,
          }
        : undefined;
      const won = await sendDeal(world, 'winOpportunity', deal, {
        kind: 'MarkOpportunityWon',
        wonOn: today,
        ...(finalAmount === undefined ? {} : { finalAmount }),
      });
      if (won) {
        deal.status = 'won';
        deal.closedOn = today;
        if (finalAmount !== undefined) deal.amount = finalAmount as GeneratedDeal['amount'];
        world.trackDeal(deal);
      }
    } else {
      const lost = await sendDeal(world, 'loseOpportunity', deal, {
        kind: 'MarkOpportunityLost',
        lostOn: today,
        ...(random.chance(0.6)
          ? { reason: random.pick(['price', 'timing', 'features', 'no decision']) }
          : {}),
        ...(random.chance(0.3) ? { competitor: random.pick(['Globex CRM', 'Initech Sales']) } : {}),
      });
      if (lost) {
        deal.status = 'lost';
        deal.closedOn = today;
        world.trackDeal(deal);
      }
    }
  },
};

/** Reopens a lost deal now and then. */
export const reopenOpportunityStep: HistoryStep = {
  name: 'reopenOpportunity',
  weight: (world) => (world.dealPools.lost.size > 0 ? 0.2 : 0),
  run: async (world) => {
    const deal = world.dealPools.lost.pick(world.random);
    if (await sendDeal(world, 'reopenOpportunity', deal, { kind: 'ReopenOpportunity' })) {
      deal.status = 'open';
      deal.closedOn = null;
      world.trackDeal(deal);
    }
  },
};
