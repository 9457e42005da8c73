import { describe, expect, it } from 'vitest';
import type { AssignmentBoard } from './assignmentBoard.js';
import { evolveAssignmentBoard } from './boardProjection.js';
import {
  assignmentPolicy,
  byExpertise,
  leastOpenLeads,
  roundRobin,
  weightedByWinRate,
} from './policies.js';

const board: AssignmentBoard = {
  reps: [
    { repId: 'ann', openLeads: 4, regions: ['EMEA'], recentWon: 1, recentClosed: 10 },
    { repId: 'bob', openLeads: 2, industries: ['retail'], recentWon: 9, recentClosed: 10 },
    {
      repId: 'cat',
      openLeads: 2,
      regions: ['EMEA'],
      industries: ['retail'],
      recentWon: 5,
      recentClosed: 10,
    },
  ],
  lastAssignedRepId: 'bob',
};
const lead = { leadId: 'lead-1' };

describe('lead assignment policies', () => {
  it('round-robin gives the lead to the rep after the last one, wrapping around', () => {
    expect(roundRobin(board, lead)).toBe('cat');
    expect(roundRobin({ ...board, lastAssignedRepId: 'cat' }, lead)).toBe('ann');
    expect(roundRobin({ reps: [], lastAssignedRepId: null }, lead)).toBeUndefined();
  });

  it('least open leads picks the least loaded rep, the earlier one on a tie', () => {
    expect(leastOpenLeads(board, lead)).toBe('bob');
  });

  it('expertise rules prefer the rep covering most of region, industry and product', () => {
    expect(byExpertise()(board, { leadId: 'l', region: 'EMEA', industry: 'retail' })).toBe('cat');
    expect(byExpertise()(board, { leadId: 'l', region: 'EMEA' })).toBe('cat');
    expect(byExpertise()(board, { leadId: 'l', region: 'APAC' })).toBe('bob');
  });

  it('win-rate weighting sends more leads to better closers, and the same lead to the same rep', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3_000; i += 1) {
      const repId = weightedByWinRate(board, { leadId: `lead-${i}` })!;
      counts.set(repId, (counts.get(repId) ?? 0) + 1);
    }
    expect(counts.get('bob')!).toBeGreaterThan(counts.get('cat')!);
    expect(counts.get('cat')!).toBeGreaterThan(counts.get('ann')!);
    expect(weightedByWinRate(board, lead)).toBe(weightedByWinRate(board, lead));
  });

  it('refuses a policy name the configuration does not know', () => {
    expect(() => assignmentPolicy('coinFlip')).toThrow(/unknown assignment policy "coinFlip"/);
  });

  it('keeps open-lead counts in step as leads are assigned, reassigned and converted', () => {
    const start: AssignmentBoard = {
      reps: [
        { repId: 'ann', openLeads: 0 },
        { repId: 'bob', openLeads: 0 },
      ],
      lastAssignedRepId: null,
    };
    let state = { board: start, owners: new Map<string, string>() as ReadonlyMap<string, string> };
    const assign = (ownerId: string) =>
      ({
        type: 'LeadAssigned',
        data: { leadId: 'l-1', ownerId, previousOwnerId: null, policy: 'manual' },
      }) as const;
    state = evolveAssignmentBoard(state.board, state.owners, assign('ann'));
    state = evolveAssignmentBoard(state.board, state.owners, assign('bob'));
    expect(state.board.reps.map((rep) => rep.openLeads)).toEqual([0, 1]);
    state = evolveAssignmentBoard(state.board, state.owners, {
      type: 'LeadDisqualified',
      data: { leadId: 'l-1', reason: 'spam' },
    });
    expect(state.board.reps.map((rep) => rep.openLeads)).toEqual([0, 0]);
    expect(state.board.lastAssignedRepId).toBe('bob');
  });
});
