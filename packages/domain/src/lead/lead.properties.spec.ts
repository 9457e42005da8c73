import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeadCommand } from './commands.js';
import type { LeadEvent as LeadEventType } from './events.js';
import type { LeadState } from './state.js';
import type { Lifecycle } from '../testing/lifecycle.js';
import { assertReplayDeterminism, startingWith } from '../testing/replayProperty.js';
import { leadDecider } from './decide.js';
import { LeadEvent } from './events.js';

const leadId = fc.constant('lead-1');
const taskId = fc.constantFrom('t-1', 't-2');
const captureLead = fc.record(
  {
    kind: fc.constant('CaptureLead'),
    leadId,
    source: fc.constantFrom('referral', 'web form', 'trade magazine'),
    contact: fc.record(
      { name: fc.constant('Ada'), email: fc.constant('ada@example.com') },
      { requiredKeys: [] },
    ),
    campaignId: fc.constant('cmp-1'),
  },
  { requiredKeys: ['kind', 'leadId', 'source'] },
) as unknown as fc.Arbitrary<LeadCommand>;
const command = fc.oneof(
  captureLead,
  fc.record(
    {
      kind: fc.constant('CorrectLeadContact'),
      leadId,
      name: fc.constantFrom('Ada', 'Ada King'),
      email: fc.constantFrom('ada@example.com', 'ada.king@example.com'),
    },
    { requiredKeys: ['kind', 'leadId'] },
  ),
  fc.record({
    kind: fc.constant('AssignLead'),
    leadId,
    ownerId: fc.constantFrom('rep-1', 'rep-2'),
  }),
  fc.record({
    kind: fc.constant('LogContactAttempt'),
    leadId,
    attemptId: fc.uuid(),
    channel: fc.constantFrom('call', 'email', 'visit'),
    at: fc.constant('2026-03-03T10:00:00Z'),
  }),
  fc.record({
    kind: fc.constant('ScheduleFollowUp'),
    leadId,
    taskId,
    dueOn: fc.constantFrom('2026-03-05', '2026-03-09'),
    priority: fc.constantFrom('low', 'high'),
  }),
  fc.record({
    kind: fc.constant('CompleteFollowUp'),
    leadId,
    taskId,
    completedAt: fc.constant('2026-03-06T10:00:00Z'),
  }),
  fc.record({ kind: fc.constant('QualifyLead'), leadId, score: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('DisqualifyLead'), leadId, reason: fc.constant('no budget') }),
  fc.record({ kind: fc.constant('RecycleLead'), leadId, reason: fc.constant('new year') }),
  fc.record({
    kind: fc.constant('ConvertLead'),
    leadId,
    opportunity: fc.record({ name: fc.constant('Deal') }),
  }),
) as unknown as fc.Arbitrary<LeadCommand>;

/** A lead is worked until disqualified (then recycled or left) or converted, which is final. */
const lifecycle: Lifecycle<LeadEventType, LeadState> = {
  statusOf: (state) => state.status,
  transitions: {
    none: ['new'],
    new: ['contacted', 'qualified', 'disqualified'],
    contacted: ['new', 'qualified', 'disqualified'],
    qualified: ['new', 'disqualified', 'converted'],
    disqualified: ['new'],
  },
  // The person may still have their contact rectified; open follow-ups may still be done.
  final: { converted: ['LeadContactCorrected', 'LeadFollowUpCompleted'] },
};

describe('lead properties', () => {
  it('replays any sequence of accepted commands to the same state', () => {
    assertReplayDeterminism(leadDecider, LeadEvent, startingWith(captureLead, command), {
      lifecycle,
      mustReach: {
        LeadContactAttempted: 0.5,
        LeadQualified: 0.5,
        LeadDisqualified: 0.3,
        LeadRecycled: 0.2,
        LeadConverted: 0.12,
      },
      invariant: ({ after, log }) => {
        if (!('captured' in after)) throw new Error('an accepted command left no lead');
        expect(after.contactAttempts).toBe(
          log.filter((event) => event.type === 'LeadContactAttempted').length,
        );
      },
    });
  });
});
