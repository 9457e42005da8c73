export type { ReadAccess } from './readAccess.js';
export { readAccess, readAccessOn, readScopes } from './readAccess.js';
