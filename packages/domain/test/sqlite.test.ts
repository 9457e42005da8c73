import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import type { OpenEventStore } from '@clientele/eventstore/testing';
import {
  describeDuplicateCustomerChecks,
  describeLeadConversion,
  describeContractRenewals,
  describeQuoteToOrder,
  describeScheduledInvoicing,
} from '@clientele/domain/testing';

const openSqlite: OpenEventStore = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-domain-'));
  const store = createSqliteEventStore({ file: join(dir, 'store.db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describeDuplicateCustomerChecks('sqlite (file)', openSqlite);
describeLeadConversion('sqlite (file)', openSqlite);
describeQuoteToOrder('sqlite (file)', openSqlite);
describeContractRenewals('sqlite (file)', openSqlite);
describeScheduledInvoicing('sqlite (file)', openSqlite);
