import * as t from 'io-ts';
import { atLeastOneOf, commandCodecFor } from '../shared/commandCodec.js';
import { IsoInstant } from '@clientele/eventstore';
import { EmailAddress, NonEmptyText, PhoneNumber } from '../shared/contact.js';
import { DateOnly } from '../shared/dates.js';
import { OpportunityDraft } from './events.js';
import {
  ContactChannel,
  FollowUpPriority,
  LeadContact,
  LeadMatches,
  LeadScore,
  LeadSource,
} from './values.js';

const command = commandCodecFor('leadId');

/** Capture a lead. `matches` is filled in by the lead service's matching, not by callers. */
export const CaptureLead = command(
  'CaptureLead',
  { source: LeadSource },
  {
    subjectId: t.string,
    campaignId: t.string,
    contact: LeadContact,
    interest: t.string,
    region: t.string,
    industry: t.string,
    product: t.string,
    matches: LeadMatches,
  },
);
/**
 * Correct the lead's name, email or phone (the right to rectification): only the fields given
 * change, at least one must be. Allowed in every status, converted and disqualified included: a
 * correction is the person's right, not a sales step.
 */
export const CorrectLeadContact = atLeastOneOf(
  command(
    'CorrectLeadContact',
    {},
    { name: NonEmptyText, email: EmailAddress, phone: PhoneNumber },
  ),
  ['name', 'email', 'phone'],
);
/** Give the lead an owner; `policy` names the rule that chose them (defaults to `manual`). */
export const AssignLead = command('AssignLead', { ownerId: t.string }, { policy: t.string });
/** Log an attempt to reach the lead. */
export const LogContactAttempt = command(
  'LogContactAttempt',
  { attemptId: t.string, channel: ContactChannel, at: IsoInstant },
  {
    outcome: t.string,
    checkIn: t.type({ at: IsoInstant, place: t.string }),
    note: t.string,
  },
);
/** Schedule a follow-up task. */
export const ScheduleFollowUp = command(
  'ScheduleFollowUp',
  { taskId: t.string, dueOn: DateOnly, priority: FollowUpPriority },
  { note: t.string },
);
/** Mark a follow-up task done. */
export const CompleteFollowUp = command(
  'CompleteFollowUp',
  { taskId: t.string, completedAt: IsoInstant },
  {},
);
/** Qualify the lead with a score from 0 to 100. */
export const QualifyLead = command('QualifyLead', { score: LeadScore }, { notes: t.string });
/** Disqualify the lead. */
export const DisqualifyLead = command('DisqualifyLead', { reason: NonEmptyText }, {});
/** Return the lead to the pool, without an owner. */
export const RecycleLead = command('RecycleLead', { reason: NonEmptyText }, {});
/**
 * Convert a qualified lead: a customer (or `customerId`, or the customer the lead matched at
 * capture) and an opportunity follow through the conversion reactor.
 */
export const ConvertLead = command(
  'ConvertLead',
  { opportunity: OpportunityDraft },
  { customerId: t.string },
);

/** Every command of the Lead aggregate. */
export const LeadCommand = t.union(
  [
    CaptureLead,
    CorrectLeadContact,
    AssignLead,
    LogContactAttempt,
    ScheduleFollowUp,
    CompleteFollowUp,
    QualifyLead,
    DisqualifyLead,
    RecycleLead,
    ConvertLead,
  ],
  'LeadCommand',
);
/** Every command of the Lead aggregate. */
export type LeadCommand = t.TypeOf<typeof LeadCommand>;

/**
 * A Lead command as code writes it: plain strings and numbers where the decoded
 * command has branded values (days, currencies, normalized emails). \`send\` takes it and decodes it.
 */
export type LeadCommandInput = t.OutputOf<typeof LeadCommand>;
