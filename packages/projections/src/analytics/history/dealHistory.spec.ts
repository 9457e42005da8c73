import { describe, expect, it } from 'vitest';
import { dealEvents as on } from '../testing/dealEvents.js';
import { dealsAsOf } from './dealHistory.js';

describe('deals as of a day', () => {
  const log = [
    on.opened('2026-01-05', 'd1', 1_000),
    on.won('2026-02-10', 'd1', 900),
    on.opened('2026-01-20', 'd2', 500),
    on.lost('2026-01-25', 'd2'),
  ];

  it('shows a deal won later as still open, in its stage with its probability', () => {
    const d1 = dealsAsOf(log, '2026-02-09').get('d1');
    expect(d1).toMatchObject({
      outcome: 'open',
      stageId: 'proposal',
      stageProbability: 0.6,
      amountMinor: 100_000,
      openedOn: '2026-01-05',
    });
  });

  it('shows the win from its day on, with the won amount', () => {
    expect(dealsAsOf(log, '2026-02-10').get('d1')).toMatchObject({
      outcome: 'won',
      closedOn: '2026-02-10',
      wonAmountMinor: 90_000,
    });
  });

  it('knows nothing of a deal before the day it was opened', () => {
    expect(dealsAsOf(log, '2026-01-19').has('d2')).toBe(false);
    expect(dealsAsOf(log, '2026-01-25').get('d2')?.outcome).toBe('lost');
  });
});
