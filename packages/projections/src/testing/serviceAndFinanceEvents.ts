import fc from 'fast-check';
import type { HistoryEntry } from './domainHistory.js';

const money = (amountMinor: number, currency: string) => ({ amountMinor, currency });
const day = (offset: number): string =>
  new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Random invoice histories for property tests: invoices issued to a few customers, then payments,
 * refunds, write-offs, disputes and cancellations in a random order (valid data; the projection
 * folds what the domain recorded, it does not re-check the domain's rules).
 */
export const invoiceHistories = (maxInvoices = 12): fc.Arbitrary<HistoryEntry[]> =>
  fc
    .array(
      fc.record({
        customer: fc.nat(3),
        total: fc.integer({ min: 1, max: 100_000 }),
        currency: fc.constantFrom('EUR', 'USD'),
        issued: fc.nat(120),
        actions: fc.array(
          fc.record({
            kind: fc.constantFrom('pay', 'refund', 'writeOff', 'dispute', 'cancel'),
            amount: fc.integer({ min: 1, max: 50_000 }),
            after: fc.nat(90),
          }),
          { maxLength: 4 },
        ),
      }),
      { maxLength: maxInvoices },
    )
    .map((invoices) =>
      invoices.flatMap((invoice, i) => {
        const invoiceId = `INV-${i}`;
        const stream = `Invoice-${invoiceId}`;
        const sale = {
          customerId: `C${invoice.customer}`,
          opportunityId: null,
          salesRepId: 'rep-1',
        };
        const issuedOn = day(invoice.issued);
        const entries: HistoryEntry[] = [
          {
            stream,
            type: 'InvoiceIssued',
            data: {
              invoiceId,
              issuedOn,
              dueOn: day(invoice.issued + 30),
              subtotal: money(invoice.total, invoice.currency),
              tax: money(0, invoice.currency),
              total: money(invoice.total, invoice.currency),
              labels: [],
              ...sale,
            },
            at: issuedOn,
          },
        ];
        invoice.actions.forEach((action, n) => {
          const on = day(invoice.issued + action.after);
          const amount = money(action.amount, invoice.currency);
          const data =
            action.kind === 'pay'
              ? { invoiceId, paymentId: `P${n}`, amount, receivedOn: on, ...sale }
              : action.kind === 'refund'
                ? {
                    invoiceId,
                    refundId: `R${n}`,
                    paymentId: 'P0',
                    amount,
                    refundedOn: on,
                    paymentReceivedOn: issuedOn,
                    ...sale,
                  }
                : action.kind === 'writeOff'
                  ? { invoiceId, amount, reason: 'uncollectable', writtenOffOn: on }
                  : action.kind === 'dispute'
                    ? { invoiceId, disputeId: `D${n}`, reason: 'wrong amount', openedOn: on }
                    : { invoiceId, reason: 'mistake', cancelledOn: on, ...sale };
          const type = {
            pay: 'InvoicePaymentRecorded',
            refund: 'InvoicePaymentRefunded',
            writeOff: 'InvoiceWrittenOff',
            dispute: 'InvoiceDisputed',
            cancel: 'InvoiceCancelled',
          }[action.kind];
          entries.push({ stream, type, data, at: on });
        });
        return entries;
      }),
    );

const TICKET_STEPS = [
  ['TicketAssigned', { assigneeId: 'agent-1', previousAssigneeId: null }],
  ['TicketPrioritized', { priority: 'high', previousPriority: 'normal' }],
  ['TicketWaitingOnCustomer', { reason: 'logs needed' }],
  ['TicketResumed', {}],
  ['TicketResolved', { resolution: 'solved' }],
  ['TicketReopened', { reason: 'still broken', wasClosed: false }],
  ['TicketClosed', {}],
  ['TicketSatisfactionRecorded', { subjectId: 's', score: 4 }],
] as const;

/** Random ticket histories for property tests: tickets opened, then steps in a random order. */
export const ticketHistories = (maxTickets = 8): fc.Arbitrary<HistoryEntry[]> =>
  fc
    .array(
      fc.record({
        customer: fc.nat(3),
        opened: fc.nat(60 * 24 * 30),
        steps: fc.array(
          fc.record({
            step: fc.nat(TICKET_STEPS.length - 1),
            after: fc.integer({ min: 1, max: 600 }),
          }),
          {
            maxLength: 6,
          },
        ),
      }),
      { maxLength: maxTickets },
    )
    .map((tickets) =>
      tickets.flatMap((ticket, i) => {
        const ticketId = `T-${i}`;
        const stream = `Ticket-${ticketId}`;
        let minute = ticket.opened;
        const at = () => new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();
        const entries: HistoryEntry[] = [
          {
            stream,
            type: 'TicketOpened',
            data: {
              ticketId,
              customerId: `C${ticket.customer}`,
              subjectId: 's',
              channel: 'email',
              category: 'billing',
              priority: 'normal',
            },
            at: at(),
          },
        ];
        for (const { step, after } of ticket.steps) {
          minute += after;
          const [type, data] = TICKET_STEPS[step] as (typeof TICKET_STEPS)[number];
          entries.push({ stream, type, data: { ticketId, ...data }, at: at() });
        }
        return entries;
      }),
    );

/** Random commission histories for property tests: plans, accruals, clawbacks and payouts per rep. */
export const commissionHistories = (maxEvents = 12): fc.Arbitrary<HistoryEntry[]> =>
  fc.array(
    fc
      .record({
        rep: fc.nat(2),
        kind: fc.constantFrom('plan', 'accrued', 'clawedBack', 'paid', 'base'),
        amount: fc.integer({ min: 0, max: 100_000 }),
        month: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ rep, kind, amount, month }): HistoryEntry => {
        const repId = `rep-${rep}`;
        const period = `2026-Q${Math.ceil(month / 3)}`;
        const eur = money(amount, 'EUR');
        const at = day((month - 1) * 30);
        const [type, data] =
          kind === 'plan'
            ? [
                'CommissionPlanAssigned',
                {
                  period,
                  plan: {
                    planId: 'p',
                    base: 'booked',
                    currency: 'EUR',
                    rate: { kind: 'flat', rateBps: 500 },
                  },
                  target: eur,
                },
              ]
            : kind === 'paid'
              ? ['CommissionSettlementPaid', { settlementId: `S-${at}`, paidOn: at, amount: eur }]
              : kind === 'base'
                ? [
                    'CommissionBaseRecorded',
                    {
                      causeEventId: `cause-${at}`,
                      base: 'collected',
                      amount: eur,
                      countsOn: at,
                      invoiceId: `INV-${month % 3}`,
                    },
                  ]
                : [
                    kind === 'accrued' ? 'CommissionAccrued' : 'CommissionClawedBack',
                    { period, amount: eur, causeEventId: null, entitlement: eur },
                  ];
        return { stream: `Commission-${repId}`, type, data: { repId, ...data }, at };
      }),
    { maxLength: maxEvents },
  );

/** Random campaign histories for property tests: campaigns planned, launched, and their costs. */
export const campaignHistories = (maxCampaigns = 4): fc.Arbitrary<HistoryEntry[]> =>
  fc
    .array(
      fc.record({
        budget: fc.integer({ min: 0, max: 100_000 }),
        costs: fc.array(
          fc.record({ amount: fc.integer({ min: 0, max: 50_000 }), repeat: fc.boolean() }),
          {
            maxLength: 4,
          },
        ),
      }),
      { minLength: 1, maxLength: maxCampaigns },
    )
    .map((campaigns) =>
      campaigns.flatMap(({ budget, costs }, i): HistoryEntry[] => {
        const campaignId = `CMP-${i}`;
        const stream = `Campaign-${campaignId}`;
        const at = day(i);
        return [
          {
            stream,
            type: 'CampaignPlanned',
            data: {
              campaignId,
              name: campaignId,
              channel: 'email',
              targetAudience: 'all',
              budget: money(budget, 'EUR'),
              startsOn: at,
              endsOn: day(i + 30),
            },
            at,
          },
          // CampaignLaunched and CampaignCostRecorded are written in their version-1 shapes on
          // purpose (appendHistory stamps version 1): every property run reads them upcast.
          { stream, type: 'CampaignLaunched', data: { campaignId, launchedOn: at }, at },
          // A cost recorded again under the same id must count once.
          ...costs.flatMap(({ amount, repeat }, n) => {
            const cost = {
              stream,
              type: 'CampaignCostRecorded',
              data: {
                campaignId,
                costId: `C${n}`,
                amount: money(amount, 'EUR'),
                incurredOn: at,
                category: 'ads',
              },
              at,
            };
            return repeat ? [cost, cost] : [cost];
          }),
        ];
      }),
    );
