import { describe, expect, it } from 'vitest';
import { changeSummarizer, formatAmount } from './changeSummary.js';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('change summaries', () => {
  it('shows a stage change from the event and a probability change from the one before', () => {
    const summary = changeSummarizer();
    expect(
      summary.summarize('Opportunity-1', {
        opportunityId: '1',
        fromStageId: 'prospecting',
        toStageId: 'qualification',
        probabilityBps: 2000,
      }),
    ).toBe('stage prospecting → qualification; probability 20%');
    expect(
      summary.summarize('Opportunity-1', {
        opportunityId: '1',
        fromStageId: 'qualification',
        toStageId: 'proposal',
        probabilityBps: 4000,
      }),
    ).toBe('stage qualification → proposal; probability 20% → 40%');
  });

  it('shows an amount change with the currency once', () => {
    expect(
      changeSummarizer().summarize('Opportunity-1', {
        opportunityId: '1',
        previous: eur(1_200_000),
        amount: eur(950_000),
      }),
    ).toBe('amount 12,000.00 → 9,500.00 EUR');
  });

  it('remembers a deal amount across events of its stream but not across streams', () => {
    const summary = changeSummarizer();
    summary.summarize('Opportunity-1', {
      opportunityId: '1',
      amount: eur(1_000_000),
      ownerId: 'rep-1',
    });
    expect(
      summary.summarize('Opportunity-1', {
        opportunityId: '1',
        stageId: 'closedWon',
        amount: eur(1_100_000),
        ownerId: 'rep-1',
      }),
    ).toBe('stage closedWon; amount 10,000.00 → 11,000.00 EUR');
    expect(summary.summarize('Opportunity-2', { opportunityId: '2', amount: eur(5_000) })).toBe(
      'amount 50.00 EUR',
    );
  });

  it('never draws an arrow between two payments of an invoice', () => {
    const summary = changeSummarizer();
    summary.summarize('Invoice-1', { invoiceId: '1', amount: eur(100), receivedOn: '2026-01-02' });
    expect(
      summary.summarize('Invoice-1', {
        invoiceId: '1',
        amount: eur(250),
        receivedOn: '2026-01-03',
      }),
    ).toBe('amount 2.50 EUR; receivedOn 2026-01-03');
  });

  it('names an owner change and leaves ids and nested records to the JSON', () => {
    expect(
      changeSummarizer().summarize('Customer-1', {
        customerId: '1',
        ownerId: 'rep-2',
        previousOwnerId: 'rep-1',
        reason: 'transferred',
        contact: { name: 'Ada' },
      }),
    ).toBe('owner rep-1 → rep-2; reason transferred');
  });

  it('says a forgotten person’s field was erased', () => {
    expect(
      changeSummarizer().summarize('Customer-1', { customerId: '1', name: { $erased: true } }),
    ).toBe('name (erased)');
  });

  it('writes amounts in the currency’s own minor digits', () => {
    expect(formatAmount({ amountMinor: 123_456, currency: 'JPY' })).toBe('123,456 JPY');
  });
});
