import type {
  AssignmentBoard,
  AssignmentPolicy,
  LeadToAssign,
  RepCapacity,
} from './assignmentBoard.js';

/** The next rep after the one who got the last lead, wrapping around. */
export const roundRobin: AssignmentPolicy = ({ reps, lastAssignedRepId }) => {
  if (reps.length === 0) return undefined;
  const last = reps.findIndex((rep) => rep.repId === lastAssignedRepId);
  return reps[(last + 1) % reps.length]?.repId;
};

/** The rep with the fewest open leads; ties go to the earlier rep in rotation order. */
export const leastOpenLeads: AssignmentPolicy = ({ reps }) =>
  reps.reduce<RepCapacity | undefined>(
    (best, rep) => (best === undefined || rep.openLeads < best.openLeads ? rep : best),
    undefined,
  )?.repId;

const covers = (values: readonly string[] | undefined, value: string | undefined) =>
  value !== undefined && values !== undefined && values.includes(value);

/**
 * Rules by expertise: only reps covering the lead's region, industry or product (the most matches
 * win), then `fallback` among them; if nobody covers the lead, `fallback` among all reps.
 */
export const byExpertise =
  (fallback: AssignmentPolicy = leastOpenLeads): AssignmentPolicy =>
  (board, lead) => {
    const score = (rep: RepCapacity) =>
      Number(covers(rep.regions, lead.region)) +
      Number(covers(rep.industries, lead.industry)) +
      Number(covers(rep.products, lead.product));
    const best = Math.max(0, ...board.reps.map(score));
    if (best === 0) return fallback(board, lead);
    return fallback({ ...board, reps: board.reps.filter((rep) => score(rep) === best) }, lead);
  };

/** FNV-1a of the lead id: a spread of the lead ids that is the same on every replay. */
const leadHash = (lead: LeadToAssign): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < lead.leadId.length; i += 1) {
    hash = Math.imul(hash ^ lead.leadId.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
};

/**
 * Weighted by recent win rate: each rep's weight is the Laplace-smoothed win rate
 * (won + 1) / (closed + 2) in basis points, so a rep with no history still gets leads; the draw
 * is a hash of the lead id, not a random number, so the same lead always goes to the same rep.
 */
export const weightedByWinRate: AssignmentPolicy = ({ reps }, lead) => {
  const weights = reps.map((rep) =>
    Math.floor((10_000 * ((rep.recentWon ?? 0) + 1)) / ((rep.recentClosed ?? 0) + 2)),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return undefined;
  let ticket = leadHash(lead) % total;
  for (const [index, weight] of weights.entries()) {
    if (ticket < weight) return reps[index]?.repId;
    ticket -= weight;
  }
  return undefined;
};

/** The policies a tenant can choose by name in its configuration. */
export const ASSIGNMENT_POLICIES: Readonly<Record<string, AssignmentPolicy>> = {
  roundRobin,
  leastOpenLeads,
  byExpertise: byExpertise(),
  weightedByWinRate,
};

/** The policy a configuration names; unknown names are refused rather than silently defaulted. */
export const assignmentPolicy = (name: string): AssignmentPolicy => {
  const policy = ASSIGNMENT_POLICIES[name];
  if (policy === undefined) {
    throw new RangeError(
      `unknown assignment policy "${name}"; choose one of ${Object.keys(ASSIGNMENT_POLICIES).join(', ')}`,
    );
  }
  return policy;
};

/** Picks an owner for a lead with the policy named by the configuration. */
export const chooseOwner = (policyName: string, board: AssignmentBoard, lead: LeadToAssign) =>
  assignmentPolicy(policyName)(board, lead);
