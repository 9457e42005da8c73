import type { DateOnly } from '../shared/dates.js';
import type { LeadEvent } from './events.js';
import type { FollowUpPriority, LeadContact, LeadMatches } from './values.js';

/** Where a lead stands. */
export type LeadStatus = 'new' | 'contacted' | 'qualified' | 'disqualified' | 'converted';

/** A follow-up task of a lead. */
export interface FollowUp {
  readonly taskId: string;
  readonly dueOn: DateOnly;
  readonly priority: FollowUpPriority;
  readonly done: boolean;
}

/** A captured lead after its events. */
export interface LeadProfile {
  readonly leadId: string;
  readonly subjectId: string;
  readonly status: LeadStatus;
  readonly source: string;
  readonly campaignId: string | undefined;
  readonly region: string | undefined;
  readonly industry: string | undefined;
  readonly contact: LeadContact;
  readonly matches: LeadMatches;
  readonly ownerId: string | null;
  readonly score: number | null;
  readonly contactAttempts: number;
  readonly followUps: readonly FollowUp[];
}

/** A lead stream's state: nothing yet, or a captured lead. */
export type LeadState = { readonly status: 'none' } | ({ readonly captured: true } & LeadProfile);

/** The state of a stream with no events. */
export const initialLeadState: LeadState = { status: 'none' };

const change = (state: LeadState, patch: (lead: LeadProfile) => Partial<LeadProfile>): LeadState =>
  'captured' in state ? { ...state, ...patch(state) } : state;

/** Folds one event into a lead's state. */
export const evolveLead = (state: LeadState, event: LeadEvent): LeadState => {
  switch (event.type) {
    case 'LeadCaptured': {
      const { data } = event;
      return {
        captured: true,
        leadId: data.leadId,
        subjectId: data.subjectId,
        status: 'new',
        source: data.source,
        campaignId: data.campaignId,
        region: data.region,
        industry: data.industry,
        contact: data.contact,
        matches: data.matches,
        ownerId: null,
        score: null,
        contactAttempts: 0,
        followUps: [],
      };
    }
    case 'LeadContactCorrected':
      return change(state, (lead) => ({ contact: { ...lead.contact, ...event.data.contact } }));
    case 'LeadAssigned':
      return change(state, () => ({ ownerId: event.data.ownerId }));
    case 'LeadContactAttempted':
      return change(state, (lead) => ({
        status: lead.status === 'new' ? 'contacted' : lead.status,
        contactAttempts: lead.contactAttempts + 1,
      }));
    case 'LeadFollowUpScheduled':
      return change(state, (lead) => ({
        followUps: [
          ...lead.followUps,
          {
            taskId: event.data.taskId,
            dueOn: event.data.dueOn,
            priority: event.data.priority,
            done: false,
          },
        ],
      }));
    case 'LeadFollowUpCompleted':
      return change(state, (lead) => ({
        followUps: lead.followUps.map((task) =>
          task.taskId === event.data.taskId ? { ...task, done: true } : task,
        ),
      }));
    case 'LeadQualified':
      return change(state, () => ({ status: 'qualified', score: event.data.score }));
    case 'LeadDisqualified':
      return change(state, () => ({ status: 'disqualified' }));
    case 'LeadRecycled':
      return change(state, () => ({ status: 'new', ownerId: null, score: null }));
    case 'LeadConverted':
      return change(state, () => ({ status: 'converted' }));
  }
};

/** Follow-ups not done whose due date is before `today`: what a rep's overdue list shows. */
export const overdueFollowUps = (state: LeadState, today: DateOnly): readonly FollowUp[] =>
  'captured' in state ? state.followUps.filter((task) => !task.done && task.dueOn < today) : [];
