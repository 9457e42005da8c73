import { customerRegistered } from './customerEvents.js';
import type { HistoryEntry } from './domainHistory.js';
import { COMMERCE_OWNERS, commerceHistory } from './readAuthorizationCommerce.js';
import { joined, lead, manager, office, opened, team, won } from './salesEvents.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

const customer = (customerId: string, ownerId: string | null, leadId?: string): HistoryEntry =>
  customerRegistered(customerId, '2026-01-10', {
    name: `${customerId} Ltd`,
    emails: [`info@${customerId.toLowerCase()}.example`],
    region: 'EU',
    ...(ownerId === null ? {} : { ownerId }),
    ...(leadId === undefined ? {} : { leadId }),
  });

const assigned = (leadId: string, ownerId: string): HistoryEntry => ({
  stream: `Lead-${leadId}`,
  type: 'LeadAssigned',
  data: { leadId, ownerId, previousOwnerId: null, policy: 'manual' },
  at: '2026-01-06',
});

const accrued = (repId: string, amountMinor: number): HistoryEntry => ({
  stream: `Commission-${repId}`,
  type: 'CommissionAccrued',
  data: {
    repId,
    period: '2026-Q1',
    amount: eur(amountMinor),
    causeEventId: null,
    entitlement: eur(amountMinor),
  },
  at: '2026-03-31',
  actor: 'commission-process',
});

/** The reps and managers of the fixture, and who manages whom. */
export const FIXTURE_TEAMS: Readonly<Record<string, readonly string[]>> = {
  'mgr-east': ['rep-ada', 'rep-bob'],
  'mgr-west': ['rep-cy'],
};

/** A user joins a deal's or an account's team in a role. */
const teamMember = (
  recordType: 'opportunity' | 'customer',
  recordId: string,
  memberId: string,
  teamRole: string,
): HistoryEntry => ({
  stream: `AccountTeam-${recordType}.${recordId}`,
  type: 'TeamMemberAdded',
  data: { recordType, recordId, memberId, teamRole, previousRole: null },
  at: '2026-01-20',
  actor: 'mgr-east',
});

/**
 * What each team member may read through their teams, worked out by hand from the default
 * team-role policy: se-dee, sales engineer on rep-cy's deal O-cy, reads that deal and its
 * customer C-cy; sponsor-fay, support on rep-ada's customer C-ada, reads it and its deals O-ada
 * and O-bob (rep-bob's deal on C-ada). Nobody else is on a team.
 */
export const FIXTURE_TEAM_READS: Readonly<
  Record<string, Readonly<Record<string, readonly string[]>>>
> = {
  'se-dee': { 'Opportunity.read': ['O-cy'], 'Customer.read': ['C-cy'] },
  'sponsor-fay': { 'Customer.read': ['C-ada'], 'Opportunity.read': ['O-ada', 'O-bob'] },
};

/**
 * Who owns each record of the fixture (null: unowned), by stream: the oracle the read
 * authorization suite checks every answer against.
 */
export const FIXTURE_OWNERS: Readonly<Record<string, string | null>> = {
  'Customer-C-ada': 'rep-ada',
  'Customer-C-bob': 'rep-bob',
  'Customer-C-cy': 'rep-cy',
  'Customer-C-none': null,
  'Lead-L-ada': 'rep-ada',
  'Lead-L-bob': 'rep-bob',
  'Lead-L-cy': 'rep-cy',
  'Lead-L-pool': null,
  'Opportunity-O-ada': 'rep-ada',
  'Opportunity-O-ada-won': 'rep-ada',
  'Opportunity-O-bob': 'rep-bob',
  'Opportunity-O-cy': 'rep-cy',
  'Invoice-INV-1': null,
  'Ticket-T-1': null,
  'Commission-rep-ada': 'rep-ada',
  'Commission-rep-cy': 'rep-cy',
  ...COMMERCE_OWNERS,
};

/**
 * A small CRM with two teams (mgr-east: rep-ada and rep-bob; mgr-west: rep-cy): customers, leads
 * and deals owned by each rep and some unowned (an unassigned lead, a customer without owner), a
 * colleague's deal on rep-ada's customer, an invoice and a ticket, commission, quotes and expense
 * claims, and two team members
 * who own nothing (see {@link FIXTURE_TEAM_READS}). Deal amounts
 * differ per rep, so a figure that mixed reps' records would show.
 */
export const readAuthorizationHistory: readonly HistoryEntry[] = [
  office('o1', 'EU'),
  team('t-east', 'o1'),
  team('t-west', 'o1'),
  manager('t-east', 'mgr-east', '2026-01-01'),
  manager('t-west', 'mgr-west', '2026-01-01'),
  joined('rep-ada', 't-east', '2026-01-01'),
  joined('rep-bob', 't-east', '2026-01-01'),
  joined('rep-cy', 't-west', '2026-01-01'),
  lead('L-ada', 'web', '2026-01-05'),
  assigned('L-ada', 'rep-ada'),
  lead('L-bob', 'web', '2026-01-05'),
  assigned('L-bob', 'rep-bob'),
  lead('L-cy', 'fair', '2026-01-05'),
  assigned('L-cy', 'rep-cy'),
  lead('L-pool', 'web', '2026-01-05'),
  customer('C-ada', 'rep-ada', 'L-ada'),
  customer('C-bob', 'rep-bob'),
  customer('C-cy', 'rep-cy'),
  customer('C-none', null),
  opened('O-ada', '2026-01-11', { ownerId: 'rep-ada', amount: 1_000_00, customerId: 'C-ada' }),
  opened('O-ada-won', '2026-01-11', { ownerId: 'rep-ada', amount: 3_000_00 }),
  won('O-ada-won', 3_000_00, '2026-02-20', { ownerId: 'rep-ada' }),
  opened('O-bob', '2026-01-12', { ownerId: 'rep-bob', amount: 20_000_00, customerId: 'C-ada' }),
  opened('O-cy', '2026-01-12', { ownerId: 'rep-cy', amount: 300_000_00, customerId: 'C-cy' }),
  {
    stream: 'Invoice-INV-1',
    type: 'InvoiceIssued',
    data: {
      invoiceId: 'INV-1',
      issuedOn: '2026-02-01',
      dueOn: '2026-03-01',
      subtotal: eur(500_00),
      tax: eur(0),
      total: eur(500_00),
      labels: [],
      customerId: 'C-ada',
      opportunityId: null,
      salesRepId: 'rep-ada',
    },
    at: '2026-02-01',
    actor: 'finance-1',
  },
  {
    stream: 'Ticket-T-1',
    type: 'TicketOpened',
    data: {
      ticketId: 'T-1',
      customerId: 'C-ada',
      subjectId: 's',
      channel: 'email',
      category: 'billing',
      priority: 'normal',
    },
    at: '2026-02-02',
    actor: 'agent-1',
  },
  accrued('rep-ada', 300_00),
  accrued('rep-cy', 9_000_00),
  teamMember('opportunity', 'O-cy', 'se-dee', 'sales_engineer'),
  teamMember('customer', 'C-ada', 'sponsor-fay', 'support'),
  ...commerceHistory,
];
