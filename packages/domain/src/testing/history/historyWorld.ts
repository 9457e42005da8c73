import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext } from '@clientele/eventstore';
import type { DateOnly } from '../../shared/dates.js';
import type { NonNegativeMoney } from '../../shared/money.js';
import type { SalesServices } from '../salesServices.js';
import type { SeededRandom } from '../seededRandom.js';

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

/**
 * What the history generator knows while it runs: the services, the seeded randomness, the
 * business clock, and the ids created so far. Steps read it to choose valid commands and record
 * what they created; extensions keep their own state in their step closures.
 */
export interface HistoryWorld {
  readonly random: SeededRandom;
  readonly sales: SalesServices;
  readonly tenantId: string;
  readonly reps: string[];
  readonly managers: string[];
  readonly campaigns: string[];
  readonly customers: string[];
  readonly emails: string[];
  readonly leads: Map<string, GeneratedLead>;
  readonly deals: Map<string, GeneratedDeal>;
  /** The rep who got the last lead, for round-robin assignment. */
  lastAssignedRepId: string | null;
  /** Commands accepted and refused so far, by step name. */
  readonly tally: Map<string, { accepted: number; rejected: number }>;
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

/** A fresh world starting at `start` (business time). */
export const createHistoryWorld = (
  sales: SalesServices,
  random: SeededRandom,
  start: string,
  tenantId: string,
): HistoryWorld => {
  let clock = Date.parse(start);
  const reps: string[] = [];
  const world: HistoryWorld = {
    random,
    sales,
    tenantId,
    reps,
    managers: [],
    campaigns: [],
    customers: [],
    emails: [],
    leads: new Map(),
    deals: new Map(),
    lastAssignedRepId: null,
    tally: new Map(),
    now: () => new Date(clock).toISOString(),
    today: () => new Date(clock).toISOString().slice(0, 10) as DateOnly,
    advance: (minutes) => {
      clock += Math.round(minutes * 60_000);
    },
    context: (actorId) => ({
      commandId: random.uuid(),
      actor: {
        id: actorId ?? (reps.length === 0 ? 'admin' : random.pick(reps)),
        role: 'sales_rep',
      },
      occurredAt: new Date(clock).toISOString(),
      tenantId,
    }),
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
