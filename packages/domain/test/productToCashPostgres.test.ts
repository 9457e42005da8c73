import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPostgresEventStore } from '@clientele/eventstore-postgres';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import {
  describeContractRenewals,
  describeQuoteToOrder,
  describeScheduledInvoicing,
} from '@clientele/domain/testing';
import { connectionString, probePostgres } from '../../../test/support/postgres.js';

/*
 * The product-to-cash reactors on PostgreSQL, in a throwaway database of their own (created here,
 * dropped after), so nothing they write meets another suite's tables.
 */
const available = await probePostgres();
const database = `clientele_cash_${uuidv7().replaceAll('-', '')}`;
const databaseUrl = (() => {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
})();
const admin = new pg.Pool({ connectionString, max: 1 });

beforeAll(async () => {
  if (available) await admin.query(`create database "${database}"`);
});
afterAll(async () => {
  if (available) await admin.query(`drop database if exists "${database}" with (force)`);
  await admin.end();
});

const openPostgres: OpenEventStore = async () => {
  const schema = `cash_${uuidv7().replaceAll('-', '')}`;
  const store = createPostgresEventStore({
    connectionString: databaseUrl,
    schema,
    maxConnections: 4,
  });
  return { store, dispose: () => store.close() };
};

describe.runIf(available)('product to cash on PostgreSQL', () => {
  describeQuoteToOrder('postgres', openPostgres);
  describeContractRenewals('postgres', openPostgres);
  describeScheduledInvoicing('postgres', openPostgres);
});
