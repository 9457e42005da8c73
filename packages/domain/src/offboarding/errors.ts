/** Why a departure, or a hand-over of one of its records, was refused. */
export type OffboardingError =
  | { readonly kind: 'AlreadyOffboarded'; readonly repId: string; readonly leavesOn: string }
  | { readonly kind: 'NotOffboarded'; readonly repId: string }
  /** The effective date lies before the notice. */
  | {
      readonly kind: 'LeavesBeforeNotice';
      readonly noticeGivenOn: string;
      readonly leavesOn: string;
    }
  /** Nobody to hand the records to, or the leaver named as their own successor. */
  | { readonly kind: 'NoSuccessor'; readonly repId: string; readonly reason: string }
  /** A record goes only to one of the successors the departure named. */
  | { readonly kind: 'NotASuccessor'; readonly repId: string; readonly toOwnerId: string };
