// A consumer's program: the domain through the SQLite engine, and a read model over the log, with
// nothing but the packages' public entry points. The smoke test compiles it with moduleResolution
// nodenext and bundler, then runs it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  createCustomerService,
  defaultRolePolicy,
  noTeams,
  salesAuthorizers,
} from '@clientele/domain';
import type { CommandContext } from '@clientele/eventstore';
import { createSqliteEventStore } from '@clientele/eventstore-sqlite';
import {
  allReadModels,
  createProjectionRunner,
  customerList,
  readAccessOn,
} from '@clientele/projections';
import { createSqliteReadModelStore } from '@clientele/projections/sqlite';

const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'crm-')), 'crm.db') });
const customers = createCustomerService(store, {
  authorize: salesAuthorizers(defaultRolePolicy, noTeams).customer,
  tenantId: 'acme',
  tenantKey: 'a-secret-key',
});
const administrator = { id: 'admin-1', role: 'administrator' };
const context: CommandContext = {
  commandId: '0193a000-0000-7000-8000-000000000001',
  actor: administrator,
  occurredAt: '2026-03-02T09:00:00Z',
};
const registered = await customers.handle(
  {
    kind: 'RegisterCustomer',
    customerId: 'c-1',
    customerKind: 'company',
    name: 'Acme Tools',
    emails: ['sales@acme.example'],
  },
  context,
);
if (E.isLeft(registered)) throw new Error(`refused: ${JSON.stringify(registered.left)}`);

const readModels = createSqliteReadModelStore({ database: store.database });
const runner = createProjectionRunner({ events: store, readModels, projections: allReadModels });
await runner.catchUp();
const access = await readAccessOn(readModels, administrator, '2026-03-02');
if (E.isLeft(access)) throw new Error(access.left.message);
const listed = await customerList(readModels, access.right);
if (E.isLeft(listed)) throw new Error(JSON.stringify(listed.left));
console.log(`customers: ${listed.right.map((customer) => customer.customerId).join(', ')}`);
await readModels.close();
await store.close();
