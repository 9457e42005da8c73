import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import {
  type MoneyByCurrency,
  addAmount,
  subtractTotals,
} from '../../definitions/moneyByCurrency.js';
import { type Ratio, ratio } from '../../definitions/ratio.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { DealDocument } from '../deals/dealDocument.js';
import { LeadDocument } from '../leads/leadDocument.js';
import { CampaignDocument } from './campaignDocument.js';

/**
 * Which campaign a deal is credited to: `firstTouch` (default), the campaign of the lead it came
 * from; `opportunity`, the campaign recorded on the opportunity itself.
 */
export type AttributionRule = 'firstTouch' | 'opportunity';

/** Options of {@link campaignReport}. */
export interface CampaignOptions {
  readonly attribution?: AttributionRule;
  /**
   * Actual cost per campaign, per currency, in place of the costs recorded in the `campaigns` read
   * model (for a what-if, or a campaign run outside Clientele).
   */
  readonly costs?: Readonly<Record<string, MoneyByCurrency>>;
}

/** One campaign's results. */
export interface CampaignRow {
  readonly campaignId: string;
  readonly leads: number;
  readonly convertedLeads: number;
  readonly opportunities: number;
  readonly wonDeals: number;
  readonly wonRevenue: MoneyByCurrency;
  /** The planned budget, per currency. */
  readonly budget: MoneyByCurrency;
  /** Costs actually recorded, each counted once, per currency. */
  readonly actualCost: MoneyByCurrency;
  /** (won revenue − cost) ÷ cost, per currency of revenue or cost; value null without a cost. */
  readonly roi: Readonly<Record<string, Ratio>>;
  readonly costPerLead: Readonly<Record<string, Ratio>>;
  readonly costPerWonDeal: Readonly<Record<string, Ratio>>;
}

interface Tally {
  leads: number;
  convertedLeads: number;
  opportunities: number;
  wonDeals: number;
  wonRevenue: MoneyByCurrency;
}

const perCurrency = (cost: MoneyByCurrency, ratioOf: (currency: string, amount: number) => Ratio) =>
  Object.fromEntries(
    Object.entries(cost).map(([currency, amount]) => [currency, ratioOf(currency, amount)]),
  );

type Tallies = Map<string, Tally>;

/** The campaign's tally, started empty the first time the campaign is seen. */
const tallyOf = (tallies: Tallies, campaignId: string): Tally => {
  let found = tallies.get(campaignId);
  if (found === undefined) {
    found = { leads: 0, convertedLeads: 0, opportunities: 0, wonDeals: 0, wonRevenue: {} };
    tallies.set(campaignId, found);
  }
  return found;
};

/** Counts each campaign's leads and converted leads; returns the campaign of each lead. */
const tallyLeads = async (
  readModels: ReadModelStore,
  tallies: Tallies,
): Promise<Map<string, string>> => {
  const campaignOfLead = new Map<string, string>();
  for await (const { doc } of activeDocuments(readModels, 'leads', LeadDocument)) {
    if (doc.campaignId === null) continue;
    campaignOfLead.set(doc.leadId, doc.campaignId);
    const tally = tallyOf(tallies, doc.campaignId);
    tally.leads += 1;
    if (doc.furthest >= 3) tally.convertedLeads += 1;
  }
  return campaignOfLead;
};

/** The campaign a deal is credited to under the attribution rule, if any. */
const creditedCampaign = (
  deal: DealDocument,
  campaignOfLead: ReadonlyMap<string, string>,
  attribution: AttributionRule,
): string | undefined => {
  if (attribution === 'opportunity') return deal.campaignId ?? undefined;
  return deal.leadId === null ? undefined : campaignOfLead.get(deal.leadId);
};

/** Counts each campaign's opportunities, won deals and won revenue. */
const tallyDeals = async (
  readModels: ReadModelStore,
  tallies: Tallies,
  campaignOf: (deal: DealDocument) => string | undefined,
): Promise<void> => {
  for await (const { doc } of activeDocuments(readModels, 'deals', DealDocument)) {
    const campaignId = campaignOf(doc);
    if (campaignId === undefined) continue;
    const tally = tallyOf(tallies, campaignId);
    tally.opportunities += 1;
    if (doc.outcome === 'won' && doc.wonAmount !== null) {
      tally.wonDeals += 1;
      tally.wonRevenue = addAmount(tally.wonRevenue, doc.wonAmount);
    }
  }
};

/** A campaign's row: its tally with its budget and cost, and the ratios they give. */
const campaignRow = (
  campaignId: string,
  tally: Tally,
  { cost, budget }: { readonly cost: MoneyByCurrency; readonly budget: MoneyByCurrency },
): CampaignRow => {
  const gain = subtractTotals(tally.wonRevenue, cost);
  return {
    campaignId,
    ...tally,
    budget,
    actualCost: cost,
    // Every currency with revenue or cost: revenue without a recorded cost has a null ROI.
    roi: perCurrency({ ...tally.wonRevenue, ...cost }, (currency) =>
      ratio(gain[currency] ?? 0, cost[currency] ?? 0),
    ),
    costPerLead: perCurrency(cost, (_, amount) => ratio(amount, tally.leads)),
    costPerWonDeal: perCurrency(cost, (_, amount) => ratio(amount, tally.wonDeals)),
  };
};

/**
 * Campaign results: leads captured for each campaign, leads converted, opportunities and won
 * revenue attributed by the chosen rule, budget and actual cost from the `campaigns` read model, and ROI = (won revenue − cost) ÷
 * cost, cost per lead and cost per won deal, each per currency. It needs `Campaign.read` with
 * `any` scope (marketing, auditors, administrators): its figures are campaign totals over every
 * lead and deal attributed, never one rep's or one customer's records.
 */
export const campaignReport = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: CampaignOptions = {},
): Promise<E.Either<ReadRefusal, CampaignRow[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Campaign.read');
    if (E.isLeft(scope)) return scope;
    // Campaigns belong to marketing, not to a rep: reading them takes `any` scope.
    if (!inReadScope(scope.right, null)) return E.right([]);
    const tallies: Tallies = new Map();
    const campaignOfLead = await tallyLeads(readModels, tallies);
    const attribution = options.attribution ?? 'firstTouch';
    await tallyDeals(readModels, tallies, (deal) =>
      creditedCampaign(deal, campaignOfLead, attribution),
    );
    const recorded = new Map<string, CampaignDocument>();
    for await (const { doc } of activeDocuments(readModels, 'campaigns', CampaignDocument)) {
      recorded.set(doc.campaignId, doc);
      tallyOf(tallies, doc.campaignId);
    }
    const costs = options.costs ?? {};
    for (const campaignId of Object.keys(costs)) tallyOf(tallies, campaignId);
    return E.right(
      [...tallies.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([campaignId, tally]) => {
          const campaign = recorded.get(campaignId);
          const cost = costs[campaignId] ?? campaign?.actualCost ?? {};
          return campaignRow(campaignId, tally, { cost, budget: campaign?.budget ?? {} });
        }),
    );
  });
