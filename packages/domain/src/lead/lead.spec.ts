import * as E from 'fp-ts/lib/Either.js';
import { formatValidationErrors } from '@clientele/eventstore';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import type { DateOnly } from '../shared/dates.js';
import type { LeadEvent } from './events.js';
import { LeadCommand } from './commands.js';
import { leadDecider } from './decide.js';
import { foldEvents } from '@clientele/eventstore';
import { overdueFollowUps } from './state.js';

const spec = deciderSpec(leadDecider);
const leadId = 'lead-1';
const decode = (input: unknown): LeadCommand => {
  const decoded = LeadCommand.decode(input);
  if (E.isLeft(decoded)) throw new Error(formatValidationErrors(decoded.left).join('; '));
  return decoded.right;
};
const captured: LeadEvent = {
  type: 'LeadCaptured',
  data: {
    leadId,
    subjectId: leadId,
    source: 'exhibition',
    campaignId: 'cmp-1',
    contact: { name: 'Grace Hopper', email: 'grace@navy.example', companyName: 'Navy' },
    matches: { customerIds: [], leadIds: [] },
    region: 'NA',
  },
};
const assigned: LeadEvent = {
  type: 'LeadAssigned',
  data: { leadId, ownerId: 'rep-1', previousOwnerId: null, policy: 'roundRobin' },
};
const qualified = decode({ kind: 'QualifyLead', leadId, score: 80 });
const qualifiedEvent: LeadEvent = {
  type: 'LeadQualified',
  data: { leadId, subjectId: leadId, score: 80 as never },
};
const convert = decode({ kind: 'ConvertLead', leadId, opportunity: { name: 'Navy rollout' } });

describe('lead', () => {
  it('captures a lead with no contact details at all, since real lead data often has none', () => {
    spec
      .given([])
      .when(decode({ kind: 'CaptureLead', leadId, source: 'cold call' }))
      .then([
        {
          type: 'LeadCaptured',
          data: {
            leadId,
            subjectId: leadId,
            source: 'cold call',
            contact: {},
            matches: { customerIds: [], leadIds: [] },
          },
        },
      ]);
  });

  it('accepts a source outside the known list, because the list is open', () => {
    const command = decode({ kind: 'CaptureLead', leadId, source: 'trade magazine' });
    expect(command.kind === 'CaptureLead' && command.source).toBe('trade magazine');
  });

  it('refuses to capture the same lead twice', () => {
    spec
      .given([captured])
      .when(decode({ kind: 'CaptureLead', leadId, source: 'referral' }))
      .thenFails({ kind: 'LeadAlreadyCaptured', leadId });
  });

  it('records who assigned the lead by which policy, and nothing when the owner stays', () => {
    spec
      .given([captured])
      .when({ kind: 'AssignLead', leadId, ownerId: 'rep-1', policy: 'roundRobin' })
      .then([assigned]);
    spec
      .given([captured, assigned])
      .when({ kind: 'AssignLead', leadId, ownerId: 'rep-1' })
      .then([]);
  });

  it('logs a visit with its check-in time and place', () => {
    const visit = decode({
      kind: 'LogContactAttempt',
      leadId,
      attemptId: 'att-1',
      channel: 'visit',
      at: '2026-03-04T10:00:00Z',
      checkIn: { at: '2026-03-04T09:55:00Z', place: 'Arlington office' },
    });
    spec
      .given([captured])
      .when(visit)
      .then([
        {
          type: 'LeadContactAttempted',
          data: {
            leadId,
            subjectId: leadId,
            attemptId: 'att-1',
            channel: 'visit',
            at: '2026-03-04T10:00:00Z' as never,
            checkIn: { at: '2026-03-04T09:55:00Z' as never, place: 'Arlington office' },
          },
        },
      ]);
  });

  it('shows a follow-up as overdue once its due date has passed and it is not done', () => {
    const scheduled: LeadEvent = {
      type: 'LeadFollowUpScheduled',
      data: {
        leadId,
        subjectId: leadId,
        taskId: 't-1',
        dueOn: '2026-03-05' as DateOnly,
        priority: 'high',
      },
    };
    const state = foldEvents(leadDecider, [captured, scheduled]);
    expect(overdueFollowUps(state, '2026-03-05' as DateOnly)).toEqual([]);
    expect(overdueFollowUps(state, '2026-03-06' as DateOnly).map((task) => task.taskId)).toEqual([
      't-1',
    ]);
    const done = foldEvents(leadDecider, [
      captured,
      scheduled,
      {
        type: 'LeadFollowUpCompleted',
        data: { leadId, taskId: 't-1', completedAt: '2026-03-06T08:00:00Z' as never },
      },
    ]);
    expect(overdueFollowUps(done, '2026-03-07' as DateOnly)).toEqual([]);
  });

  it('refuses to complete a follow-up that was never scheduled', () => {
    spec
      .given([captured])
      .when(
        decode({
          kind: 'CompleteFollowUp',
          leadId,
          taskId: 't-9',
          completedAt: '2026-03-06T08:00:00Z',
        }),
      )
      .thenFails({ kind: 'FollowUpNotFound', taskId: 't-9' });
  });

  it('converts only a qualified lead', () => {
    spec
      .given([captured])
      .when(convert)
      .thenFails({ kind: 'LeadNotInStatus', leadId, status: 'new', allowed: ['qualified'] });
    spec
      .given([captured, assigned, qualifiedEvent])
      .when(convert)
      .then([
        {
          type: 'LeadConverted',
          data: {
            leadId,
            subjectId: leadId,
            ownerId: 'rep-1',
            source: 'exhibition',
            contact: captured.data.contact,
            opportunity: { name: 'Navy rollout' },
            campaignId: 'cmp-1',
            region: 'NA',
          },
        },
      ]);
  });

  it('attaches the conversion to the customer the lead matched at capture', () => {
    const matched: LeadEvent = {
      ...captured,
      data: { ...captured.data, matches: { customerIds: ['cus-7'], leadIds: [] } },
    };
    spec
      .given([matched, qualifiedEvent])
      .when(convert)
      .then([
        {
          type: 'LeadConverted',
          data: {
            leadId,
            subjectId: leadId,
            ownerId: null,
            source: 'exhibition',
            contact: captured.data.contact,
            opportunity: { name: 'Navy rollout' },
            customerId: 'cus-7',
            campaignId: 'cmp-1',
            region: 'NA',
          },
        },
      ]);
  });

  it('refuses anything but recycling on a disqualified lead', () => {
    const disqualified: LeadEvent = {
      type: 'LeadDisqualified',
      data: { leadId, reason: 'no budget' },
    };
    spec
      .given([captured, disqualified])
      .when(qualified)
      .thenFails((error) => error.kind === 'LeadNotInStatus');
    spec
      .given([captured, assigned, disqualified])
      .when({ kind: 'RecycleLead', leadId, reason: 'new budget year' })
      .then([
        {
          type: 'LeadRecycled',
          data: { leadId, reason: 'new budget year', previousOwnerId: 'rep-1' },
        },
      ]);
  });

  it('rejects a score outside 0 to 100 and a malformed email, naming the fields', () => {
    const bad = LeadCommand.decode({ kind: 'QualifyLead', leadId, score: 101 });
    expect(E.isLeft(bad) && formatValidationErrors(bad.left).join()).toMatch(/^score: /);
    const badEmail = LeadCommand.decode({
      kind: 'CaptureLead',
      leadId,
      source: 'web form',
      contact: { email: 'nobody' },
    });
    expect(E.isLeft(badEmail) && formatValidationErrors(badEmail.left).join()).toMatch(
      /contact\.email: not an email address/,
    );
  });

  it('refuses to schedule the same follow-up twice and to log contact with a converted lead', () => {
    const scheduled: LeadEvent = {
      type: 'LeadFollowUpScheduled',
      data: {
        leadId,
        subjectId: leadId,
        taskId: 't-1',
        dueOn: '2026-03-05' as DateOnly,
        priority: 'low',
      },
    };
    spec
      .given([captured, scheduled])
      .when(
        decode({
          kind: 'ScheduleFollowUp',
          leadId,
          taskId: 't-1',
          dueOn: '2026-03-09',
          priority: 'high',
        }),
      )
      .thenFails({ kind: 'FollowUpAlreadyScheduled', taskId: 't-1' });
    const converted = {
      type: 'LeadConverted',
      data: {
        leadId,
        subjectId: leadId,
        ownerId: null,
        source: 'exhibition',
        contact: {},
        opportunity: { name: 'X' },
      },
    } as LeadEvent;
    spec
      .given([captured, qualifiedEvent, converted])
      .when(
        decode({
          kind: 'LogContactAttempt',
          leadId,
          attemptId: 'a',
          channel: 'call',
          at: '2026-03-04T10:00:00Z',
        }),
      )
      .thenFails((error) => error.kind === 'LeadNotInStatus' && error.status === 'converted');
  });

  describe('rectification', () => {
    const correctedEmail: LeadEvent = {
      type: 'LeadContactCorrected',
      data: { leadId, subjectId: leadId, contact: { email: 'grace.hopper@navy.example' } },
    };

    it("records only the corrected fields, under the lead's data subject", () => {
      spec
        .given([captured])
        .when(
          decode({
            kind: 'CorrectLeadContact',
            leadId,
            name: 'Grace Hopper',
            email: 'Grace.Hopper@navy.example',
          }),
        )
        .then([correctedEmail]);
    });

    it('records nothing when the correction gives the values already held', () => {
      spec
        .given([captured, correctedEmail])
        .when(decode({ kind: 'CorrectLeadContact', leadId, email: 'grace.hopper@navy.example' }))
        .then([]);
    });

    it('corrects a converted or disqualified lead: a correction is a right, not a sales step', () => {
      const converted: LeadEvent = {
        type: 'LeadConverted',
        data: {
          leadId,
          subjectId: leadId,
          ownerId: null,
          source: 'exhibition',
          contact: {},
          opportunity: { name: 'X' },
        },
      };
      const disqualified: LeadEvent = { type: 'LeadDisqualified', data: { leadId, reason: 'x' } };
      const correct = decode({ kind: 'CorrectLeadContact', leadId, phone: '+1 202 555 0100' });
      const phoneCorrected: LeadEvent = {
        type: 'LeadContactCorrected',
        data: { leadId, subjectId: leadId, contact: { phone: '+12025550100' } },
      };
      spec.given([captured, qualifiedEvent, converted]).when(correct).then([phoneCorrected]);
      spec.given([captured, disqualified]).when(correct).then([phoneCorrected]);
    });

    it('hands the corrected contact on when the lead converts', () => {
      spec
        .given([captured, correctedEmail, qualifiedEvent])
        .when(convert)
        .then([
          {
            type: 'LeadConverted',
            data: {
              leadId,
              subjectId: leadId,
              ownerId: null,
              source: 'exhibition',
              contact: {
                name: 'Grace Hopper',
                email: 'grace.hopper@navy.example',
                companyName: 'Navy',
              },
              opportunity: { name: 'Navy rollout' },
              campaignId: 'cmp-1',
              region: 'NA',
            },
          },
        ]);
    });

    it('refuses to correct a lead that was never captured', () => {
      spec
        .given([])
        .when(decode({ kind: 'CorrectLeadContact', leadId, name: 'Ada' }))
        .thenFails({ kind: 'LeadNotFound', leadId });
    });

    it('refuses a correction that names no field to correct', () => {
      const empty = LeadCommand.decode({ kind: 'CorrectLeadContact', leadId });
      expect(E.isLeft(empty) && formatValidationErrors(empty.left)).toEqual([
        '(root): give at least one of name, email, phone, got {"kind":"CorrectLeadContact","leadId":"lead-1"}',
      ]);
    });
  });
});
