export * from './historyWorld.js';
export * from './historyStep.js';
export * from './names.js';
export * from './salesHistory.js';
export * from './generateHistory.js';
export * from './pool.js';
