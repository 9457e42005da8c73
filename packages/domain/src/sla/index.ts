export * from './zonedTime.js';
export * from './businessCalendar.js';
export * from './slaPolicy.js';
export * from './ticketSla.js';
