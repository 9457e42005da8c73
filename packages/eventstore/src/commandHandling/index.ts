export * from './decider.js';
export * from './commandContext.js';
export * from './commandHandler.js';
export * from './commandOutcome.js';
export * from './authorization.js';
export * from './systemWork.js';
