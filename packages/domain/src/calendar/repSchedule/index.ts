export * from './events.js';
export * from './decide.js';
export * from './repScheduleDays.js';
export * from './repSchedules.js';
