export { readModelsAsOf } from './readModelsAsOf.js';
