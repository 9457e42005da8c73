/**
 * Builders of valid sales events for hand-worked report specs: each returns a {@link HistoryEntry}
 * for `appendHistory`.
 */
import { DEFAULT_B2B_PIPELINE } from '@clientele/domain';
import type { HistoryEntry } from './domainHistory.js';

const matches = { customerIds: [], leadIds: [] };
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const stage = (stageId: string) => {
  const found = DEFAULT_B2B_PIPELINE.stages.find((s) => s.stageId === stageId);
  if (found === undefined) throw new Error(stageId);
  return { probabilityBps: found.probabilityBps, forecastCategory: found.forecastCategory };
};

/** A `LeadCaptured` event of lead `leadId` from `source`. */
export const lead = (
  leadId: string,
  source: string,
  at: string,
  extra: object = {},
): HistoryEntry => ({
  stream: `Lead-${leadId}`,
  type: 'LeadCaptured',
  data: { leadId, subjectId: `s-${leadId}`, source, contact: {}, matches, ...extra },
  at,
});
/** A contact attempt (a call) on the lead. */
export const contacted = (leadId: string, at: string): HistoryEntry => ({
  stream: `Lead-${leadId}`,
  type: 'LeadContactAttempted',
  data: {
    leadId,
    subjectId: `s-${leadId}`,
    attemptId: `a-${leadId}-${at}`,
    channel: 'call',
    at: `${at}T09:00:00.000Z`,
  },
  at,
});
/** The lead qualified with score 70. */
export const qualified = (leadId: string, at: string): HistoryEntry => ({
  stream: `Lead-${leadId}`,
  type: 'LeadQualified',
  data: { leadId, subjectId: `s-${leadId}`, score: 70 },
  at,
});
/** The lead converted, owned by `rep-1`. */
export const converted = (leadId: string, source: string, at: string): HistoryEntry => ({
  stream: `Lead-${leadId}`,
  type: 'LeadConverted',
  data: {
    leadId,
    subjectId: `s-${leadId}`,
    ownerId: 'rep-1',
    source,
    contact: {},
    opportunity: { name: leadId },
  },
  at,
});
/** An `OpportunityOpened` event in the default B2B pipeline (EUR, `rep-1`, prospecting by default). */
export const opened = (
  opportunityId: string,
  at: string,
  extra: {
    leadId?: string;
    ownerId?: string;
    amount?: number;
    stageId?: string;
    closeOn?: string;
    customerId?: string;
  } = {},
): HistoryEntry => ({
  stream: `Opportunity-${opportunityId}`,
  type: 'OpportunityOpened',
  data: {
    opportunityId,
    name: opportunityId,
    ownerId: extra.ownerId ?? 'rep-1',
    amount: eur(extra.amount ?? 100_00),
    expectedCloseOn: extra.closeOn ?? '2026-06-30',
    pipeline: DEFAULT_B2B_PIPELINE,
    stageId: extra.stageId ?? 'prospecting',
    ...stage(extra.stageId ?? 'prospecting'),
    ...(extra.leadId === undefined ? {} : { leadId: extra.leadId }),
    ...(extra.customerId === undefined ? {} : { customerId: extra.customerId }),
  },
  at,
});
/** The deal moved between open stages, with the stage's default probability. */
export const moved = (
  opportunityId: string,
  from: string,
  to: string,
  at: string,
): HistoryEntry => ({
  stream: `Opportunity-${opportunityId}`,
  type: 'OpportunityStageChanged',
  data: { opportunityId, fromStageId: from, toStageId: to, ...stage(to) },
  at,
});
/** The deal won at `amount` minor units on `on`: by `rep-1`, in euros, unless told another owner or currency. */
export const won = (
  opportunityId: string,
  amount: number,
  on: string,
  {
    ownerId = 'rep-1',
    currency = 'EUR',
  }: { readonly ownerId?: string; readonly currency?: string } = {},
): HistoryEntry => ({
  stream: `Opportunity-${opportunityId}`,
  type: 'OpportunityWon',
  data: {
    opportunityId,
    stageId: 'closedWon',
    amount: { amountMinor: amount, currency },
    wonOn: on,
    ownerId,
  },
  at: on,
});
/** The deal lost on `on`. */
export const lost = (opportunityId: string, on: string, ownerId = 'rep-1'): HistoryEntry => ({
  stream: `Opportunity-${opportunityId}`,
  type: 'OpportunityLost',
  data: { opportunityId, stageId: 'closedLost', lostOn: on, ownerId },
  at: on,
});
/** A lost deal reopened into `stageId`. */
export const reopened = (opportunityId: string, stageId: string, at: string): HistoryEntry => ({
  stream: `Opportunity-${opportunityId}`,
  type: 'OpportunityReopened',
  data: { opportunityId, previousOutcome: 'lost', stageId, ...stage(stageId) },
  at,
});
const organizationId = 'org';
/** A regional office of organization `org` opened. */
export const office = (officeId: string, region: string): HistoryEntry => ({
  stream: `SalesOrganization-${organizationId}`,
  type: 'RegionalOfficeOpened',
  data: { organizationId, officeId, name: officeId, region },
  at: '2026-01-01',
});
/** A team formed in an office. */
export const team = (teamId: string, officeId: string): HistoryEntry => ({
  stream: `SalesOrganization-${organizationId}`,
  type: 'SalesTeamFormed',
  data: { organizationId, teamId, name: teamId, officeId },
  at: '2026-01-01',
});
/** A manager appointed to a team from a day on. */
export const manager = (teamId: string, managerId: string, from: string): HistoryEntry => ({
  stream: `SalesOrganization-${organizationId}`,
  type: 'TeamManagerAppointed',
  data: { organizationId, teamId, managerId, effectiveFrom: from, previousManagerId: null },
  at: '2026-01-01',
});
/** A rep joined a team from a day on. */
export const joined = (repId: string, teamId: string, from: string): HistoryEntry => ({
  stream: `SalesOrganization-${organizationId}`,
  type: 'RepJoinedTeam',
  data: { organizationId, repId, teamId, effectiveFrom: from, previousTeamId: null },
  at: '2026-01-01',
});
