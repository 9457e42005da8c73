export * from './reservationKey.js';
export * from './events.js';
export * from './decide.js';
export * from './stepContext.js';
export * from './keyReservations.js';
