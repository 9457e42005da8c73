import * as E from 'fp-ts/lib/Either.js';
import { type ReadRefusal, answerUnbuilt } from '../../store/projectionNotBuilt.js';
import type { ReadScope } from '@clientele/domain';
import { inReadScope } from '@clientele/domain';
import type { ReadAccess } from '../../access/readAccess.js';
import type { Period } from '../../definitions/periods.js';
import { periodOf } from '../../definitions/periods.js';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { daysBetweenInstants } from '../domainEvent.js';
import { DealDocument } from '../deals/dealDocument.js';
import { LEAD_STAGES, LeadDocument } from '../leads/leadDocument.js';
import { type FunnelEntry, type FunnelRow, funnelRows } from './funnelEntry.js';

/** What a funnel is broken down by. */
export type FunnelGrouping = 'source' | 'campaign' | 'owner' | 'region' | 'none';

/** Options of the funnel reports. */
export interface FunnelOptions {
  readonly groupBy?: FunnelGrouping;
  /** Cohorts: leads by capture day, deals by open day, bucketed by this period; defaults to `all`. */
  readonly period?: Period;
}

const WON = 'won';

/** The open stages of the deals' pipelines in pipeline order (the first pipeline's order first). */
const stageOrder = (deals: Iterable<DealDocument>): string[] => {
  const order: string[] = [];
  for (const deal of deals)
    for (const id of deal.openStageIds) if (!order.includes(id)) order.push(id);
  return order;
};

const dealStages = (
  deal: DealDocument | undefined,
): Pick<FunnelEntry, 'won' | 'lost' | 'stageDays'> & { reached: string[] } =>
  deal === undefined
    ? { reached: [], won: false, lost: false, stageDays: {} }
    : {
        reached: [...deal.reachedStageIds, ...(deal.outcome === 'won' ? [WON] : [])],
        won: deal.outcome === 'won',
        lost: deal.outcome === 'lost',
        stageDays: deal.stageDays,
      };

const groupOf = (
  groupBy: FunnelGrouping,
  fields: {
    source: string | null;
    campaignId: string | null;
    ownerId: string | null;
    region?: string | null;
  },
): string => {
  const value =
    groupBy === 'source'
      ? fields.source
      : groupBy === 'campaign'
        ? fields.campaignId
        : groupBy === 'owner'
          ? fields.ownerId
          : groupBy === 'region'
            ? (fields.region ?? null)
            : 'all';
  return value ?? '(none)';
};

/** The deals within a scope (none without one). */
const collectDeals = async (
  readModels: ReadModelStore,
  scope: ReadScope | undefined,
): Promise<DealDocument[]> => {
  const deals: DealDocument[] = [];
  if (scope === undefined) return deals;
  for await (const { doc } of activeDocuments(readModels, 'deals', DealDocument))
    if (inReadScope(scope, doc.ownerId)) deals.push(doc);
  return deals;
};

/** Days in each lead stage: from reaching it to reaching the next stage reached. */
const leadStageDays = (lead: LeadDocument): Record<string, number[]> => {
  const days: Record<string, number[]> = {};
  lead.reachedAt.forEach((at, i) => {
    const next = lead.reachedAt.slice(i + 1).find((later) => later !== null);
    if (at !== null && next != null)
      days[LEAD_STAGES[i] as string] = [daysBetweenInstants(at, next)];
  });
  return days;
};

/**
 * The lead funnel: cohorts of leads by capture period, through captured → contacted → qualified
 * → converted → the opportunity's stages → won. A lead that reached a stage counts as having
 * reached every earlier one. It counts the leads within the actor's `Lead.read` scope, and follows
 * a converted lead into its deal only when the deal is within their `Opportunity.read` scope (a
 * role without it, such as marketing, sees the funnel up to converted); a role without
 * `Lead.read` is refused.
 */
export const leadFunnel = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: FunnelOptions = {},
): Promise<E.Either<ReadRefusal, FunnelRow[]>> =>
  answerUnbuilt(async () => {
    const leadScope = access.scope('Lead.read');
    if (E.isLeft(leadScope)) return leadScope;
    const dealScope = access.scope('Opportunity.read');
    const deals = await collectDeals(
      readModels,
      E.isRight(dealScope) ? dealScope.right : undefined,
    );
    const dealOfLead = new Map(
      deals.filter((d) => d.leadId !== null).map((d) => [d.leadId as string, d]),
    );
    const stages = [...LEAD_STAGES, ...stageOrder(deals), WON];
    const entries: FunnelEntry[] = [];
    for await (const { doc: lead } of activeDocuments(readModels, 'leads', LeadDocument)) {
      if (!inReadScope(leadScope.right, lead.ownerId)) continue;
      const deal = dealStages(dealOfLead.get(lead.leadId));
      entries.push({
        group: groupOf(options.groupBy ?? 'none', lead),
        cohort: periodOf(lead.capturedOn, options.period ?? 'all'),
        reached: new Set([...LEAD_STAGES.slice(0, lead.furthest + 1), ...deal.reached]),
        won: deal.won,
        lost: deal.lost,
        stageDays: { ...leadStageDays(lead), ...deal.stageDays },
      });
    }
    return E.right(funnelRows(entries, stages));
  });

/**
 * The opportunity funnel: cohorts of deals by open period, through their pipeline's open stages to
 * won; win rate = won ÷ closed. It counts the deals within the actor's `Opportunity.read` scope;
 * a role without it is refused.
 */
export const opportunityFunnel = async (
  readModels: ReadModelStore,
  access: ReadAccess,
  options: FunnelOptions = {},
): Promise<E.Either<ReadRefusal, FunnelRow[]>> =>
  answerUnbuilt(async () => {
    const scope = access.scope('Opportunity.read');
    if (E.isLeft(scope)) return scope;
    const deals = await collectDeals(readModels, scope.right);
    const entries = deals.map((deal): FunnelEntry => {
      const stages = dealStages(deal);
      return {
        ...stages,
        reached: new Set(stages.reached),
        group: groupOf(options.groupBy ?? 'none', deal),
        cohort: periodOf(deal.openedOn, options.period ?? 'all'),
      };
    });
    return E.right(funnelRows(entries, [...stageOrder(deals), WON]));
  });
