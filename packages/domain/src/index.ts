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
export * from './conversion/index.js';
export * from './authorization/index.js';
export * from './accessPolicy/index.js';
export * from './accessAnomaly/index.js';
export * from './accessLog/index.js';
export * from './ticket/index.js';
export * from './sla/index.js';
export * from './mappings/index.js';
export * from './invoice/index.js';
export * from './commission/index.js';
export * from './target/index.js';
export * from './campaign/index.js';
export * from './privacy/index.js';
export * from './schema/index.js';
