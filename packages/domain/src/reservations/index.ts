export * from './reservationKey.js';
export * from './events.js';
export * from './decide.js';
export * from './derivedCommand.js';
export * from './keyReservations.js';
