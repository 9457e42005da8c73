import * as E from 'fp-ts/lib/Either.js';
import { createCommissionService } from '@clientele/domain';
import { testContext } from '@clientele/domain/testing';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory, type HistoryEntry } from '../../testing/domainHistory.js';
import { joined, office, opened, team, won } from '../../testing/salesEvents.js';
import { dealsProjection } from '../deals/dealsProjection.js';
import { invoicesProjection } from '../receivables/invoicesProjection.js';
import { commissionsProjection } from './commissionsProjection.js';
import { organizationProjection } from '../salesOrganization/organizationProjection.js';
import { groupTargetsReport } from './groupTargetsReport.js';
import { targetsReport } from './targetsReport.js';
import { administratorAccess, allowed } from '../../testing/readAccess.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const commission = (type: string, data: object, at: string): HistoryEntry => ({
  stream: 'Commission-rep-1',
  type,
  data: { repId: 'rep-1', ...data },
  at,
});
const posting = (amount: number) => ({
  period: '2026-Q1',
  amount: eur(amount),
  causeEventId: null,
  entitlement: eur(amount),
});
const sale = { customerId: 'C1', opportunityId: 'O1', salesRepId: 'rep-1' };
const invoice = (type: string, data: object, at: string): HistoryEntry => ({
  stream: 'Invoice-I1',
  type,
  data: { invoiceId: 'I1', ...data },
  at,
});

const readModels = createInMemoryReadModelStore();
beforeAll(async () => {
  const events = createInMemoryEventStore();
  await appendHistory(events, [
    office('east', 'East'),
    team('alpha', 'east'),
    joined('rep-1', 'alpha', '2026-01-01'),
    commission(
      'CommissionPlanAssigned',
      {
        period: '2026-Q1',
        plan: {
          planId: 'p',
          base: 'collected',
          currency: 'EUR',
          rate: { kind: 'flat', rateBps: 500 },
        },
        target: eur(1000_00),
      },
      '2026-01-01',
    ),
    opened('O1', '2026-01-10'),
    won('O1', 500_00, '2026-02-10'),
    opened('O2', '2026-01-10'),
    won('O2', 900_00, '2026-04-10'), // next quarter
    invoice(
      'InvoiceIssued',
      {
        issuedOn: '2026-02-10',
        dueOn: '2026-03-12',
        subtotal: eur(500_00),
        tax: eur(0),
        total: eur(500_00),
        labels: [],
        ...sale,
      },
      '2026-02-10',
    ),
    invoice(
      'InvoicePaymentRecorded',
      { paymentId: 'P1', amount: eur(300_00), receivedOn: '2026-03-01', ...sale },
      '2026-03-01',
    ),
    invoice(
      'InvoicePaymentRefunded',
      {
        refundId: 'R1',
        paymentId: 'P1',
        amount: eur(50_00),
        refundedOn: '2026-03-20',
        paymentReceivedOn: '2026-03-01',
        ...sale,
      },
      '2026-03-20',
    ),
    invoice(
      'InvoicePaymentRecorded',
      { paymentId: 'P2', amount: eur(200_00), receivedOn: '2026-04-02', ...sale },
      '2026-04-02',
    ),
    commission('CommissionAccrued', posting(15_00), '2026-03-01'),
    commission('CommissionClawedBack', posting(2_50), '2026-03-20'),
    commission(
      'CommissionSettlementPaid',
      { settlementId: 'S1', paidOn: '2026-04-05', amount: eur(12_50) },
      '2026-04-05',
    ),
  ]);
  await createProjectionRunner({
    events,
    readModels,
    projections: [
      dealsProjection,
      invoicesProjection,
      commissionsProjection,
      organizationProjection,
    ],
  }).catchUp();
});

describe('targets, attainment and commission', () => {
  it('compares won revenue by close day with the period target and shows collections and commission', async () => {
    expect(await allowed(targetsReport(readModels, administratorAccess))).toEqual([
      {
        repId: 'rep-1',
        period: '2026-04',
        target: null,
        wonRevenue: { EUR: 900_00 },
        attainment: null,
        collected: { EUR: 200_00 },
        commissionAccrued: {},
        commissionClawedBack: {},
        commissionWithheld: {},
        commissionPaid: { EUR: 12_50 }, // settlements count in the month paid
      },
      {
        repId: 'rep-1',
        period: '2026-Q1',
        target: eur(1000_00),
        wonRevenue: { EUR: 500_00 },
        attainment: { numerator: 500_00, denominator: 1000_00, value: 0.5 },
        collected: { EUR: 250_00 }, // 300 received, 50 refunded in the quarter
        commissionAccrued: { EUR: 15_00 },
        commissionClawedBack: { EUR: 2_50 },
        commissionWithheld: {},
        commissionPaid: {},
      },
    ]);
  });

  it('sums targets, results and commission per team, by where each rep sat on the first day of the period', async () => {
    const rows = await allowed(groupTargetsReport(readModels, administratorAccess, 'team'));
    expect(rows.map((r) => [r.group, r.period, r.target, r.attainment])).toEqual([
      ['alpha', '2026-04', {}, {}],
      [
        'alpha',
        '2026-Q1',
        { EUR: 1000_00 },
        { EUR: { numerator: 500_00, denominator: 1000_00, value: 0.5 } },
      ],
    ]);
  });
});

describe('commission of a rep who left', () => {
  it('shows a forfeit plan paying nothing on collections after leaving, and what it withheld', async () => {
    const events = createInMemoryEventStore();
    const commissions = createCommissionService(events, { authorize: permitEveryoneInTests() });
    const plan = {
      planId: 'p',
      base: 'collected',
      currency: 'EUR',
      rate: { kind: 'flat', rateBps: 1_000 },
    } as const;
    for (const [repId, leaverRule] of [
      ['rep-forfeit', 'forfeit'],
      ['rep-prorate', 'prorate'],
    ] as const) {
      const commands = [
        {
          kind: 'AssignCommissionPlan',
          repId,
          period: '2026-Q1',
          plan: { ...plan, leaverRule },
          target: eur(0),
        },
        { kind: 'RecordRepDeparture', repId, causeEventId: `off-${repId}`, leavesOn: '2026-02-15' },
        ...(
          [
            ['before', 400_00, '2026-02-14'],
            ['after', 600_00, '2026-03-10'],
          ] as const
        ).map(([cause, amountMinor, collectedOn]) => ({
          kind: 'RecordCollection' as const,
          repId,
          causeEventId: `${cause}-${repId}`,
          amount: eur(amountMinor),
          collectedOn,
          invoiceId: 'I1',
        })),
      ] as const;
      for (const command of commands) {
        const result = await commissions.send(command, testContext());
        if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
      }
    }
    const leavers = createInMemoryReadModelStore();
    await createProjectionRunner({
      events,
      readModels: leavers,
      projections: [dealsProjection, invoicesProjection, commissionsProjection],
    }).catchUp();
    const rows = await allowed(targetsReport(leavers, administratorAccess));
    // 10 % of 400.00 before leaving; of the 60.00 on 600.00 after it, forfeit pays nothing and
    // prorate half (45 of the quarter's 90 days were worked).
    expect(rows.map((r) => [r.repId, r.commissionAccrued, r.commissionWithheld])).toEqual([
      ['rep-forfeit', { EUR: 40_00 }, { EUR: 60_00 }],
      ['rep-prorate', { EUR: 70_00 }, { EUR: 30_00 }],
    ]);
  });
});
