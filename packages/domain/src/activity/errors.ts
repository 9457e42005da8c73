import type { ActivityKind } from './values.js';

/** Why an activity command was refused. */
export type ActivityError =
  | { readonly kind: 'ActivityNotFound'; readonly activityId: string }
  | { readonly kind: 'ActivityAlreadyLogged'; readonly activityId: string }
  /** An activity must be about at least one record. */
  | { readonly kind: 'ActivityWithoutRecord'; readonly activityId: string }
  /** A call needs its call details, an email its subject, a visit its check-in; others none. */
  | {
      readonly kind: 'ActivityDetailsMismatch';
      readonly activityId: string;
      readonly activityKind: ActivityKind;
      readonly missing: readonly string[];
      readonly unexpected: readonly string[];
    };
