export * from './inMemoryEventStore.js';
export { frozenJsonCopy } from './jsonCopy.js';
