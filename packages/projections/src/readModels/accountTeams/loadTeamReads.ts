import type { TeamMembership, TeamReads, TeamRolePolicy } from '@clientele/domain';
import { defaultTeamRolePolicy, noTeamReads, teamReadsOf } from '@clientele/domain';
import { activeDocument, activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { DealDocument, dealKey } from '../deals/dealDocument.js';
import { AccountTeamDocument } from './accountTeamsProjection.js';

/** The team places `memberId` holds, from the account-teams read model. */
const membershipsOf = async (
  readModels: ReadModelStore,
  memberId: string,
): Promise<TeamMembership[]> => {
  const memberships: TeamMembership[] = [];
  for await (const { doc } of activeDocuments(readModels, 'accountTeams', AccountTeamDocument)) {
    const teamRole = Object.hasOwn(doc.members, memberId) ? doc.members[memberId] : undefined;
    if (teamRole !== undefined)
      memberships.push({ recordType: doc.recordType, recordId: doc.recordId, teamRole });
  }
  return memberships;
};

/** The customers of the deals, and the deals of the customers, the memberships name. */
const linksOf = async (readModels: ReadModelStore, memberships: readonly TeamMembership[]) => {
  const customerOf = new Map<string, string | null>();
  for (const { recordType, recordId } of memberships)
    if (recordType === 'opportunity') {
      const deal = await activeDocument(readModels, 'deals', DealDocument, dealKey(recordId));
      customerOf.set(recordId, deal?.customerId ?? null);
    }
  const customers = new Set(
    memberships.filter((m) => m.recordType === 'customer').map((m) => m.recordId),
  );
  const dealsOf = new Map<string, string[]>();
  if (customers.size > 0)
    for await (const { doc } of activeDocuments(readModels, 'deals', DealDocument))
      if (doc.customerId !== null && customers.has(doc.customerId))
        dealsOf.set(doc.customerId, [...(dealsOf.get(doc.customerId) ?? []), doc.opportunityId]);
  return {
    customerOfDeal: (opportunityId: string) => customerOf.get(opportunityId) ?? null,
    dealsOfCustomer: (customerId: string) => dealsOf.get(customerId) ?? [],
  };
};

/**
 * What `memberId` may read through the deal and account teams they are on, under the team-role
 * policy: the teams' records and the deals or customers linked to them (see `teamReadsOf`).
 */
export const loadTeamReads = async (
  readModels: ReadModelStore,
  memberId: string,
  policy: TeamRolePolicy = defaultTeamRolePolicy,
): Promise<TeamReads> => {
  const memberships = await membershipsOf(readModels, memberId);
  if (memberships.length === 0) return noTeamReads;
  return teamReadsOf(memberships, policy, await linksOf(readModels, memberships));
};
