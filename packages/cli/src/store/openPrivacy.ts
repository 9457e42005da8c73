import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '@clientele/eventstore';
import {
  commandAuthorizer,
  createActivityService,
  createCustomerService,
  createInvoiceService,
  createLeadService,
  createPrivacyService,
  defaultRolePolicy,
  engagementAuthorizers,
  noTeams,
  salesAuthorizers,
  serviceAndFinanceAuthorizers,
} from '@clientele/domain';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { openExistingStore, storeUrl } from './openStore.js';
import { openProtectedStore } from './protectedStore.js';
import { tenantFrom } from './tenant.js';

/** Opens the store with its keys and a privacy service acting for `actor`, or prints why not. */
export const openPrivacy = async (
  commandName: string,
  values: Readonly<Record<string, string | boolean | undefined>>,
  io: CliIo,
) => {
  const opened = await openProtectedStore(
    openExistingStore(storeUrl(values['store'], io.env), io.cwd),
  );
  if (E.isLeft(opened)) {
    io.stderr(`clientele ${commandName}: ${opened.left}\n`);
    return E.left(ExitCode.storeUnavailable);
  }
  const { engine, stack } = opened.right;
  const { store, keys, snapshots } = stack;
  // Each step is checked against the role policy: the request itself, and every command it sends.
  const sales = salesAuthorizers(defaultRolePolicy, noTeams);
  const backOffice = serviceAndFinanceAuthorizers(defaultRolePolicy, noTeams);
  const customers = createCustomerService(store, {
    ...tenantFrom(io.env),
    authorize: sales.customer,
  });
  const privacy = createPrivacyService(store, {
    engine: engine.store,
    keys,
    customers,
    leads: createLeadService(store, { authorize: sales.lead }),
    invoices: createInvoiceService(store, { authorize: backOffice.invoice }),
    activities: createActivityService(store, {
      authorize: engagementAuthorizers(defaultRolePolicy, noTeams).activity,
    }),
    snapshots: [snapshots],
    authorize: commandAuthorizer('DataSubject', () => null, defaultRolePolicy, noTeams),
  });
  return E.right({ stack, privacy });
};

/** A context for one request of `actor`, now. */
export const requestContext = (actor: Actor) => ({
  commandId: uuidv7(),
  actor,
  occurredAt: new Date().toISOString(),
});
