import type pg from 'pg';
import { createLeaseTableSql } from '@clientele/eventstore-postgres';

/** Quotes an identifier for PostgreSQL (schema names come from configuration, not from users). */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The read-model tables in their own schema. Keys sort with the "C" collation, byte order, so the
 * documents come out in the same order as from SQLite and memory.
 */
export const readModelSchemaSql = (schema: string): string => {
  const s = quoteIdentifier(schema);
  return `
    CREATE SCHEMA IF NOT EXISTS ${s};
    CREATE TABLE IF NOT EXISTS ${s}.projection_builds (
      name       text   NOT NULL,
      build      text   NOT NULL,
      created    bigserial,
      checkpoint text,
      PRIMARY KEY (name, build)
    );
    CREATE TABLE IF NOT EXISTS ${s}.projection_active (
      name  text PRIMARY KEY,
      build text NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${s}.projection_documents (
      name          text  NOT NULL,
      build         text  NOT NULL,
      key           text  COLLATE "C" NOT NULL,
      doc           jsonb NOT NULL,
      last_position text  NOT NULL,
      PRIMARY KEY (name, build, key)
    );
    ${createLeaseTableSql(`${s}.projection_leases`)};`;
};

/** Creates the schema and tables if missing; an advisory lock keeps concurrent starts apart. */
export const ensureReadModelSchema = async (pool: pg.Pool, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `clientele-read-models:${schema}`,
    ]);
    await client.query(readModelSchemaSql(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
