import * as E from 'fp-ts/lib/Either.js';
import { defaultRolePolicy, noTeams } from '@clientele/domain';
import { describe, expect, it } from 'vitest';
import { readAccess } from '../../access/readAccess.js';
import { dealEvents as on } from '../testing/dealEvents.js';
import { winScoresAsOf } from './winScores.js';

const log = [
  on.opened('2026-01-05', 'ann-1', 1_000, { stageId: 'proposal', ownerId: 'rep-ann' }),
  on.opened('2026-01-06', 'bob-1', 2_000, { stageId: 'negotiation', ownerId: 'rep-bob' }),
  on.opened('2026-01-07', 'ann-2', 3_000, { stageId: 'prospecting', ownerId: 'rep-ann' }),
  on.won('2026-02-01', 'ann-2', 3_000, 'rep-ann'),
];

const as = (id: string, role: string) => readAccess(defaultRolePolicy, noTeams, { id, role });

describe('win scores as of a day', () => {
  it('shows a rep the scores of their own open deals only', () => {
    const scores = winScoresAsOf(log, '2026-01-20', as('rep-ann', 'sales_rep'));
    expect(E.isRight(scores) && scores.right.scores.map((s) => s.opportunityId).sort()).toEqual([
      'ann-1',
      'ann-2',
    ]);
  });

  it('shows an administrator every open deal', () => {
    const scores = winScoresAsOf(log, '2026-01-20', as('admin', 'administrator'));
    expect(E.isRight(scores) && scores.right.scores).toHaveLength(3);
  });

  it('scores a deal won after the day as open, and leaves it out once it is won', () => {
    const before = winScoresAsOf(log, '2026-01-31', as('admin', 'administrator'));
    const after = winScoresAsOf(log, '2026-02-01', as('admin', 'administrator'));
    expect(E.isRight(before) && before.right.scores.some((s) => s.opportunityId === 'ann-2')).toBe(
      true,
    );
    expect(E.isRight(after) && after.right.scores.some((s) => s.opportunityId === 'ann-2')).toBe(
      false,
    );
  });

  it('shows the stage default, and says so, when the log holds too little to check the model', () => {
    const scores = winScoresAsOf(log, '2026-01-20', as('admin', 'administrator'));
    if (E.isLeft(scores)) throw new Error('refused');
    // No deal was open on the check's cut-off, so the check has no case and the model cannot win.
    expect(scores.right.check.results[0]!.cases).toBe(0);
    expect(scores.right.shown).toBe('stageDefault');
    const bob = scores.right.scores.find((s) => s.opportunityId === 'bob-1')!;
    expect(bob.probability).toBe(0.8);
    expect(bob.reasons.length).toBeGreaterThan(0);
  });

  it('refuses a role that may not read deals, naming the permission', () => {
    const scores = winScoresAsOf(log, '2026-01-20', as('sam', 'support_agent'));
    expect(E.isLeft(scores) && scores.left.permission).toBe('Opportunity.read');
  });
});
