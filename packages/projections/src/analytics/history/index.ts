export type { DatedEvent } from './datedEvents.js';
export { datedEvents, daysFrom, firstDay, lastDay, shiftDay } from './datedEvents.js';
export type { DealFacts } from './dealHistory.js';
export { datedDealEvents, dealsAsOf } from './dealHistory.js';
export type { LeadFacts } from './leadHistory.js';
export { datedLeadEvents, leadsAsOf } from './leadHistory.js';
