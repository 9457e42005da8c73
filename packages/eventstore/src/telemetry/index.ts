export * from './telemetryNames.js';
export * from './instruments.js';
export * from './commandSpan.js';
export * from './reactorSpan.js';
