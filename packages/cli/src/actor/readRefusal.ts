import type { ReadRefusal } from '@clientele/projections';

/**
 * A refused read in one phrase, for output that goes on without it: the permission the actor
 * lacks (`needs Invoice.read`), or why the read model cannot answer yet.
 */
export const refusalNeeds = (refusal: ReadRefusal): string =>
  refusal.kind === 'AuthorizationDenied' ? `needs ${refusal.permission}` : refusal.message;

/**
 * The line saying a report was left out of several: `left out receivables: the sales_rep role
 * lacks Invoice.read`, or why its read model cannot answer.
 */
export const leftOut = (name: string, refusal: ReadRefusal): string =>
  refusal.kind === 'AuthorizationDenied'
    ? `left out ${name}: the ${refusal.role} role lacks ${refusal.permission}`
    : `left out ${name}: ${refusal.message}`;
