export * from './postgresEventStore.js';
export { LISTENER_APPLICATION_NAME } from './appendSignal.js';
