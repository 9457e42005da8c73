import type { LeadEvent } from '../events.js';
import type { AssignmentBoard } from './assignmentBoard.js';

/**
 * Keeps the board's open-lead counts and rotation pointer in step with lead events: assignment
 * moves a lead between reps, conversion, disqualification and recycling take it off its owner.
 * `owners` remembers each open lead's owner, since later events do not repeat it.
 */
export const evolveAssignmentBoard = (
  board: AssignmentBoard,
  owners: ReadonlyMap<string, string>,
  event: LeadEvent,
): { board: AssignmentBoard; owners: ReadonlyMap<string, string> } => {
  const leadId = event.data.leadId;
  const previous = owners.get(leadId);
  const nextOwners = new Map(owners);
  const adjust =
    (repId: string | undefined, by: number) => (rep: AssignmentBoard['reps'][number]) =>
      rep.repId === repId ? { ...rep, openLeads: rep.openLeads + by } : rep;
  switch (event.type) {
    case 'LeadAssigned': {
      nextOwners.set(leadId, event.data.ownerId);
      const reps = board.reps.map(adjust(previous, -1)).map(adjust(event.data.ownerId, 1));
      return { board: { reps, lastAssignedRepId: event.data.ownerId }, owners: nextOwners };
    }
    case 'LeadConverted':
    case 'LeadDisqualified':
    case 'LeadRecycled':
      nextOwners.delete(leadId);
      return {
        board: { ...board, reps: board.reps.map(adjust(previous, -1)) },
        owners: nextOwners,
      };
    default:
      return { board, owners };
  }
};
