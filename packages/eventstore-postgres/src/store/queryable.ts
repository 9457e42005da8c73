import type pg from 'pg';

/** What the store's statements need from a connection: a pooled client or the pool itself. */
export type Queryable = Pick<pg.ClientBase, 'query'>;
