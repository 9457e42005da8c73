export * from './postgresEventStore.js';
export { LISTENER_APPLICATION_NAME } from './appendSignal.js';
export type { PostgresGroupCommitOptions } from './groupCommit.js';
export { DEFAULT_COMMANDS_PER_COMMIT } from './groupCommit.js';
