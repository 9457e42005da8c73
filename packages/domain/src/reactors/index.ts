// Reactors (process managers): each follows the log from a checkpoint and sends commands to other
// aggregates, with ids derived from the causing event so a replay sends nothing twice. Every one
// is `create<Name>Reactor(options)` returning `{ runner, ... }`.
export * from './customerFromLead.js';
export * from './leadConversionReactor.js';
export * from './commissionAccrualReactor.js';
export * from './slaEscalationReactor.js';
export * from './offboardingReactor.js';
export * from './departingRepRecords.js';
