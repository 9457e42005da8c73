import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext } from '@clientele/eventstore';
import type { Role } from '../authorization/roles.js';
import type { DateOnly } from '../shared/dates.js';
import type { NonNegativeMoney } from '../shared/money.js';
import type { SalesServices } from './salesServices.js';
import type { SeededRandom } from './seededRandom.js';
import type { Pool } from './pool.js';
import { createPool } from './pool.js';

/** A lead as the generator remembers it, to choose sensible next commands. */
export interface GeneratedLead {
  readonly leadId: string;
  status: 'new' | 'contacted' | 'qualified' | 'disqualified' | 'converted';
  ownerId: string | null;
  readonly openFollowUps: string[];
}

/** A deal as the generator remembers it. */
export interface GeneratedDeal {
  readonly opportunityId: string;
  readonly customerId: string | null;
  ownerId: string;
  status: 'open' | 'won' | 'lost';
  stageIndex: number;
  amount: NonNegativeMoney;
  closedOn: DateOnly | null;
}

/** Leads grouped by what can happen to them next. */
export interface LeadPools {
  /** New leads without an owner. */
  readonly unassigned: Pool<GeneratedLead>;
  /** New or contacted leads with an owner: they can be contacted. */
  readonly workable: Pool<GeneratedLead>;
  readonly contacted: Pool<GeneratedLead>;
  readonly qualified: Pool<GeneratedLead>;
  readonly disqualified: Pool<GeneratedLead>;
  /** Leads with a follow-up not yet done. */
  readonly withFollowUps: Pool<GeneratedLead>;
}

/** Deals grouped by what can happen to them next. */
export interface DealPools {
  readonly open: Pool<GeneratedDeal>;
  /** Open deals past the first stage: they can be closed. */
  readonly closable: Pool<GeneratedDeal>;
  /** Open deals from needs analysis on: they can be quoted. */
  readonly quotable: Pool<GeneratedDeal>;
  readonly won: Pool<GeneratedDeal>;
  readonly lost: Pool<GeneratedDeal>;
}

/**
 * What the history generator knows while it runs: the services, the seeded randomness, the
 * business clock, and the ids created so far, grouped so a step picks what it can act on in
 * constant time. Steps record what they create and call `trackLead` / `trackDeal` after changing
 * one; extensions keep their own state in their step closures.
 */
export interface HistoryWorld {
  readonly random: SeededRandom;
  readonly sales: SalesServices;
  readonly tenantId: string;
  readonly reps: string[];
  readonly managers: string[];
  readonly campaigns: string[];
  /** Customer ids in the order they appeared. */
  readonly customers: string[];
  readonly emails: string[];
  readonly leads: Map<string, GeneratedLead>;
  readonly deals: Map<string, GeneratedDeal>;
  readonly leadPools: LeadPools;
  readonly dealPools: DealPools;
  /** The rep who got the last lead, for round-robin assignment. */
  lastAssignedRepId: string | null;
  /** Commands accepted and refused so far, by step name. */
  readonly tally: Map<string, { accepted: number; rejected: number }>;
  /** Remembers a customer once. */
  addCustomer(customerId: string): void;
  /** Files a new or changed lead into the pools its status and owner put it in. */
  trackLead(lead: GeneratedLead): void;
  /** Files a new or changed deal into the pools its status and stage put it in. */
  trackDeal(deal: GeneratedDeal): void;
  /** Business time of the next command. */
  now(): string;
  /** The business day of the next command. */
  today(): DateOnly;
  /** Moves business time forward. */
  advance(minutes: number): void;
  /** A context for the next command: a seeded command id, an actor, the business time. */
  context(actorId?: string): CommandContext;
  /** Records a command's result under the step's name; returns whether it was accepted. */
  record(step: string, result: E.Either<unknown, unknown>): boolean;
}

/**
 * The role an actor of the generated history acts in, read from the id it was given: the
 * administrator, finance, service agents, marketing and managers act in their own roles, so an
 * audit of the demo shows who did what as it would in a real CRM.
 */
export const historyRoleOf = (actorId: string): Role => {
  if (actorId === 'admin') return 'administrator';
  if (actorId.startsWith('finance-')) return 'finance';
  if (actorId.startsWith('agent-')) return 'support_agent';
  if (actorId.startsWith('marketing-')) return 'marketing';
  if (actorId.startsWith('manager-')) return 'sales_manager';
  return 'sales_rep';
};

const place = <T>(pool: Pool<T>, id: string, item: T, belongs: boolean) => {
  if (belongs) pool.add(id, item);
  else pool.remove(id);
};

/** A fresh world starting at `start` (business time). */
export const createHistoryWorld = (
  sales: SalesServices,
  random: SeededRandom,
  start: string,
  tenantId: string,
): HistoryWorld => {
  let clock = Date.parse(start);
  const reps: string[] = [];
  const customers: string[] = [];
  const knownCustomers = new Set<string>();
  const leadPools: LeadPools = {
    unassigned: createPool(),
    workable: createPool(),
    contacted: createPool(),
    qualified: createPool(),
    disqualified: createPool(),
    withFollowUps: createPool(),
  };
  const dealPools: DealPools = {
    open: createPool(),
    closable: createPool(),
    quotable: createPool(),
    won: createPool(),
    lost: createPool(),
  };
  const world: HistoryWorld = {
    random,
    sales,
    tenantId,
    reps,
    managers: [],
    campaigns: [],
    customers,
    emails: [],
    leads: new Map(),
    deals: new Map(),
    leadPools,
    dealPools,
    lastAssignedRepId: null,
    tally: new Map(),
    addCustomer: (customerId) => {
      if (knownCustomers.has(customerId)) return;
      knownCustomers.add(customerId);
      customers.push(customerId);
    },
    trackLead: (lead) => {
      const id = lead.leadId;
      world.leads.set(id, lead);
      const fresh = lead.status === 'new';
      place(leadPools.unassigned, id, lead, fresh && lead.ownerId === null);
      place(
        leadPools.workable,
        id,
        lead,
        (fresh || lead.status === 'contacted') && lead.ownerId !== null,
      );
      place(leadPools.contacted, id, lead, lead.status === 'contacted');
      place(leadPools.qualified, id, lead, lead.status === 'qualified');
      place(leadPools.disqualified, id, lead, lead.status === 'disqualified');
      place(leadPools.withFollowUps, id, lead, lead.openFollowUps.length > 0);
    },
    trackDeal: (deal) => {
      const id = deal.opportunityId;
      world.deals.set(id, deal);
      const open = deal.status === 'open';
      place(dealPools.open, id, deal, open);
      place(dealPools.closable, id, deal, open && deal.stageIndex >= 1);
      place(dealPools.quotable, id, deal, open && deal.stageIndex >= 2);
      place(dealPools.won, id, deal, deal.status === 'won');
      place(dealPools.lost, id, deal, deal.status === 'lost');
    },
    now: () => new Date(clock).toISOString(),
    today: () => new Date(clock).toISOString().slice(0, 10) as DateOnly,
    advance: (minutes) => {
      clock += Math.round(minutes * 60_000);
    },
    context: (actorId) => {
      const id = actorId ?? (reps.length === 0 ? 'admin' : random.pick(reps));
      return {
        commandId: random.uuid(),
        actor: { id, role: historyRoleOf(id) },
        occurredAt: new Date(clock).toISOString(),
        tenantId,
      };
    },
    record: (step, result) => {
      const counts = world.tally.get(step) ?? { accepted: 0, rejected: 0 };
      if (E.isRight(result)) counts.accepted += 1;
      else counts.rejected += 1;
      world.tally.set(step, counts);
      return E.isRight(result);
    },
  };
  return world;
};
