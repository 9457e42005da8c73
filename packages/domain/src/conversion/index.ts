export * from './customerFromLead.js';
export * from './leadConversionReactor.js';
