/** One rep as the assignment policies see them. */
export interface RepCapacity {
  readonly repId: string;
  /** Leads the rep owns that are not yet converted or disqualified. */
  readonly openLeads: number;
  readonly regions?: readonly string[];
  readonly industries?: readonly string[];
  readonly products?: readonly string[];
  /** Deals the rep won and closed (won or lost) in the recent window, for win-rate weighting. */
  readonly recentWon?: number;
  readonly recentClosed?: number;
}

/** The read model a policy decides from: the reps in rotation and who got the last lead. */
export interface AssignmentBoard {
  /** In rotation order. */
  readonly reps: readonly RepCapacity[];
  readonly lastAssignedRepId: string | null;
}

/** What a policy knows about the lead being assigned. */
export interface LeadToAssign {
  readonly leadId: string;
  readonly region?: string | undefined;
  readonly industry?: string | undefined;
  readonly product?: string | undefined;
}

/**
 * Chooses the owner of a new lead: a pure function of the board and the lead, so a choice can be
 * tested and replayed. Undefined when no rep is available.
 */
export type AssignmentPolicy = (board: AssignmentBoard, lead: LeadToAssign) => string | undefined;
