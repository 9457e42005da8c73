import type { ReadRefusal } from '@clientele/projections';

/**
 * A refused read in one phrase, for output that goes on without it: the permission the actor
 * lacks (`needs Invoice.read`), or why the read model cannot answer yet.
 */
export const refusalNeeds = (refusal: ReadRefusal): string =>
  refusal.kind === 'AuthorizationDenied' ? `needs ${refusal.permission}` : refusal.message;
