import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { LeadCommand } from './commands.js';
import { assertReplayDeterminism } from '../testing/replayProperty.js';
import { leadDecider } from './decide.js';
import { LeadEvent } from './events.js';

const leadId = fc.constant('lead-1');
const taskId = fc.constantFrom('t-1', 't-2');
const command = fc.oneof(
  fc.record(
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
  ),
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

describe('lead properties', () => {
  it('replays any sequence of accepted commands to the same state', () => {
    assertReplayDeterminism(leadDecider, LeadEvent, fc.array(command, { maxLength: 30 }));
  });
});
