/**
 * `@clientele/domain`: the CRM's deciders (Customer, Lead, Opportunity, Ticket, Campaign, Invoice,
 * Targets, Commission, customer exports), their io-ts codecs, and the value types they share.
 *
 * @packageDocumentation
 */
export * from './shared/index.js';
export * from './reservations/index.js';
export * from './customer/index.js';
export * from './customerExport/index.js';
export * from './lead/index.js';
export * from './opportunity/index.js';
export * from './salesOrganization/index.js';
export * from './reactors/index.js';
export * from './authorization/index.js';
export * from './accessPolicy/index.js';
export * from './offboarding/index.js';
export * from './accessAnomaly/index.js';
export * from './accessLog/index.js';
export * from './ticket/index.js';
export * from './sla/index.js';
export * from './mappings/index.js';
export * from './product/index.js';
export * from './priceList/index.js';
export * from './quote/index.js';
export * from './salesOrder/index.js';
export * from './contract/index.js';
export * from './quoteAcceptance/index.js';
export * from './renewal/index.js';
export * from './billing/index.js';
export * from './expense/index.js';
export * from './expenseBudget/index.js';
export * from './invoice/index.js';
export * from './commission/index.js';
export * from './target/index.js';
export * from './campaign/index.js';
export * from './privacy/index.js';
export * from './schema/index.js';
export * from './activity/index.js';
export * from './task/index.js';
export * from './calendar/index.js';
export * from './accountTeam/index.js';
export * from './analyticsModel/index.js';
export * from './upcasting/index.js';
