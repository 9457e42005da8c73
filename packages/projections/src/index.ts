/**
 * `@clientele/projections`: the read side. Projections are pure folds over keyed documents; a
 * runner feeds them from the global log in batches, committing documents and checkpoints together
 * into a read-model store (memory here; SQLite in `@clientele/projections/sqlite`, PostgreSQL in
 * `@clientele/projections/postgres`, so the root loads no native driver); the CRM's reports are
 * built on them, and every query takes the reader's access and shows only what their role allows.
 *
 * @packageDocumentation
 */
export * from './projection/index.js';
export * from './store/index.js';
export * from './runner/index.js';
export * from './definitions/index.js';
export * from './readModels/index.js';
export * from './asOf/index.js';
export * from './access/index.js';
export * from './customerExport/index.js';
export * from './csv/index.js';
export * from './analytics/index.js';
