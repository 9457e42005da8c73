import type { LeadStatus } from './state.js';

/** Why a lead command was refused. */
export type LeadError =
  | { readonly kind: 'LeadNotFound'; readonly leadId: string }
  | { readonly kind: 'LeadAlreadyCaptured'; readonly leadId: string }
  /** The command does not apply to a lead in this status (e.g. converting an unqualified lead). */
  | {
      readonly kind: 'LeadNotInStatus';
      readonly leadId: string;
      readonly status: LeadStatus;
      readonly allowed: readonly LeadStatus[];
    }
  | { readonly kind: 'FollowUpNotFound'; readonly taskId: string }
  | { readonly kind: 'FollowUpAlreadyDone'; readonly taskId: string }
  | { readonly kind: 'FollowUpAlreadyScheduled'; readonly taskId: string };
