export type { ReadAccess } from './readAccess.js';
export { readAccess, readScopes } from './readAccess.js';
