const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null;

/** A domain error as one line: its kind, then its details (`OpportunityClosed (opportunityId 42)`). */
const describeDomainError = (error: unknown): string => {
  if (!isRecord(error)) return String(error);
  const { kind, ...details } = error;
  const listed = Object.entries(details)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  const name = typeof kind === 'string' ? kind : 'refused';
  return listed === '' ? name : `${name} (${listed})`;
};

/**
 * Why an entry point refused a command, in words for an import's report: the domain rule that
 * refused it, the permission the actor lacks, or the conflict it kept meeting.
 */
export const describeRefusal = (failure: unknown): string => {
  if (!isRecord(failure)) return String(failure);
  switch (failure['kind']) {
    case 'Rejected':
      return describeDomainError(failure['error']);
    case 'Forbidden': {
      const denial = failure['denial'];
      return isRecord(denial) && typeof denial['reason'] === 'string'
        ? `not permitted: ${denial['reason']}`
        : `not permitted: ${describeDomainError(denial)}`;
    }
    case 'Conflict': {
      const conflict = failure['conflict'];
      return isRecord(conflict) && typeof conflict['message'] === 'string'
        ? `other writers kept changing the record: ${conflict['message']}`
        : 'other writers kept changing the record';
    }
    default:
      return describeDomainError(failure);
  }
};
