import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '@clientele/eventstore';
import type { LeadCommand } from './commands.js';
import type { LeadError } from './errors.js';
import type { LeadEvent } from './events.js';
import type { LeadProfile, LeadState, LeadStatus } from './state.js';
import { changedFields } from '../shared/rectification.js';
import { evolveLead, initialLeadState } from './state.js';

type Decision = E.Either<LeadError, readonly LeadEvent[]>;

const OPEN: readonly LeadStatus[] = ['new', 'contacted', 'qualified'];
const EVERY_STATUS: readonly LeadStatus[] = [...OPEN, 'disqualified', 'converted'];

/** Which statuses each command accepts. */
const ALLOWED: Record<Exclude<LeadCommand['kind'], 'CaptureLead'>, readonly LeadStatus[]> = {
  // Rectification is the person's right, whatever became of the lead.
  CorrectLeadContact: EVERY_STATUS,
  AssignLead: OPEN,
  LogContactAttempt: OPEN,
  ScheduleFollowUp: OPEN,
  CompleteFollowUp: EVERY_STATUS,
  QualifyLead: OPEN,
  DisqualifyLead: OPEN,
  RecycleLead: ['contacted', 'qualified', 'disqualified'],
  ConvertLead: ['qualified'],
};

const emit = (...events: LeadEvent[]): Decision => E.right(events);

const capture = (command: Extract<LeadCommand, { kind: 'CaptureLead' }>, state: LeadState) => {
  if ('captured' in state)
    return E.left<LeadError>({ kind: 'LeadAlreadyCaptured', leadId: command.leadId });
  const { kind: _, subjectId, contact, matches, ...rest } = command;
  return emit({
    type: 'LeadCaptured',
    data: {
      ...rest,
      subjectId: subjectId ?? command.leadId,
      contact: contact ?? {},
      matches: matches ?? { customerIds: [], leadIds: [] },
    },
  });
};

/** Conversion attaches to the customer named, else to the customer the lead matched. */
const convert = (
  command: Extract<LeadCommand, { kind: 'ConvertLead' }>,
  lead: LeadProfile,
): Decision => {
  const customerId = command.customerId ?? lead.matches.customerIds[0];
  return emit({
    type: 'LeadConverted',
    data: {
      leadId: lead.leadId,
      subjectId: lead.subjectId,
      ownerId: lead.ownerId,
      source: lead.source,
      contact: lead.contact,
      opportunity: command.opportunity,
      ...(customerId === undefined ? {} : { customerId }),
      ...(lead.campaignId === undefined ? {} : { campaignId: lead.campaignId }),
      ...(lead.region === undefined ? {} : { region: lead.region }),
      ...(lead.industry === undefined ? {} : { industry: lead.industry }),
    },
  });
};

const decideFor = (
  command: Exclude<LeadCommand, { kind: 'CaptureLead' }>,
  lead: LeadProfile,
): Decision => {
  const { leadId, subjectId } = lead;
  switch (command.kind) {
    case 'CorrectLeadContact': {
      const { name, email, phone } = command;
      const changed = changedFields(lead.contact, { name, email, phone });
      return Object.keys(changed).length === 0
        ? emit()
        : emit({ type: 'LeadContactCorrected', data: { leadId, subjectId, contact: changed } });
    }
    case 'AssignLead':
      return command.ownerId === lead.ownerId
        ? emit()
        : emit({
            type: 'LeadAssigned',
            data: {
              leadId,
              ownerId: command.ownerId,
              previousOwnerId: lead.ownerId,
              policy: command.policy ?? 'manual',
            },
          });
    case 'LogContactAttempt': {
      const { kind: _, ...attempt } = command;
      return emit({ type: 'LeadContactAttempted', data: { ...attempt, subjectId } });
    }
    case 'ScheduleFollowUp': {
      if (lead.followUps.some((task) => task.taskId === command.taskId)) {
        return E.left({ kind: 'FollowUpAlreadyScheduled', taskId: command.taskId });
      }
      const { kind: _, ...task } = command;
      return emit({ type: 'LeadFollowUpScheduled', data: { ...task, subjectId } });
    }
    case 'CompleteFollowUp': {
      const task = lead.followUps.find((candidate) => candidate.taskId === command.taskId);
      if (task === undefined) return E.left({ kind: 'FollowUpNotFound', taskId: command.taskId });
      if (task.done) return E.left({ kind: 'FollowUpAlreadyDone', taskId: command.taskId });
      return emit({
        type: 'LeadFollowUpCompleted',
        data: { leadId, taskId: command.taskId, completedAt: command.completedAt },
      });
    }
    case 'QualifyLead': {
      const { kind: _, ...qualification } = command;
      return emit({ type: 'LeadQualified', data: { ...qualification, subjectId } });
    }
    case 'DisqualifyLead':
      return emit({ type: 'LeadDisqualified', data: { leadId, reason: command.reason } });
    case 'RecycleLead':
      return emit({
        type: 'LeadRecycled',
        data: { leadId, reason: command.reason, previousOwnerId: lead.ownerId },
      });
    case 'ConvertLead':
      return convert(command, lead);
  }
};

const decide = (command: LeadCommand, state: LeadState): Decision => {
  if (command.kind === 'CaptureLead') return capture(command, state);
  if (!('captured' in state)) return E.left({ kind: 'LeadNotFound', leadId: command.leadId });
  const allowed = ALLOWED[command.kind];
  if (!allowed.includes(state.status)) {
    return E.left({ kind: 'LeadNotInStatus', leadId: state.leadId, status: state.status, allowed });
  }
  return decideFor(command, state);
};

/**
 * The Lead aggregate: capture, contact rectification, assignment, contact attempts and
 * follow-ups, qualification, disqualification, recycling and conversion. Conversion only records
 * `LeadConverted`; the customer and the opportunity are created by the conversion reactor.
 */
export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState, LeadError> = {
  initialState: initialLeadState,
  decide,
  evolve: evolveLead,
};
