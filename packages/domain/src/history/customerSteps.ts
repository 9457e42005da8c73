import type { HistoryStep } from './historyStep.js';
import { INDUSTRIES, REGIONS, companyName, emailFor, personName, phoneFor } from './names.js';

/**
 * Registers a company customer with a contact. One registration in thirty reuses an email that is
 * already taken, so the duplicate check is exercised and refuses it.
 */
export const registerCustomerStep: HistoryStep = {
  name: 'registerCustomer',
  weight: () => 2,
  run: async (world) => {
    const { random } = world;
    const serial = world.customers.length + world.leads.size + 1;
    const customerId = random.uuid();
    const contact = personName(random);
    const tally = world.tally.get('registerCustomer');
    const attempt = (tally?.accepted ?? 0) + (tally?.rejected ?? 0);
    // Every thirtieth registration, counted rather than drawn, so even a short history has one.
    const reuse = world.emails.length > 0 && attempt % 30 === 10;
    const email = reuse ? random.pick(world.emails) : emailFor(contact, serial);
    const ownerId = random.pick(world.reps);
    const accepted = world.record(
      'registerCustomer',
      await world.sales.customers.handle(
        {
          kind: 'RegisterCustomer',
          customerId,
          customerKind: 'company',
          name: companyName(random, serial),
          emails: [email],
          ...(random.chance(0.5) ? { phones: [phoneFor(serial)] } : {}),
          industry: random.pick(INDUSTRIES),
          region: random.pick(REGIONS),
          source: 'import',
          ownerId,
          contacts: [{ subjectId: random.uuid(), name: contact, role: 'buyer' }],
        },
        // A rep registers the customers they will own.
        world.context(ownerId),
      ),
    );
    if (accepted) {
      world.addCustomer(customerId);
      world.emails.push(email);
    }
  },
};

/** Gives a customer to another rep, as when a rep leaves. */
export const transferCustomerStep: HistoryStep = {
  name: 'transferCustomer',
  weight: (world) => (world.customers.length > 0 ? 0.3 : 0),
  run: async (world) => {
    const customerId = world.random.pick(world.customers);
    const state = await world.sales.customers.load(customerId);
    if (!('registered' in state) || state.ownerId === null || state.status !== 'active') return;
    world.record(
      'transferCustomer',
      await world.sales.customers.handle(
        {
          kind: 'TransferCustomer',
          customerId,
          fromOwnerId: state.ownerId,
          toOwnerId: world.random.pick(world.reps),
        },
        // Accounts change hands by the administrator, never by a rep taking them.
        world.context('admin'),
      ),
    );
  },
};
