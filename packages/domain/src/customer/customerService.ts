import * as E from 'fp-ts/lib/Either.js';
import type {
  CommandContext,
  CommandOutcome,
  EventStore,
  SnapshotStore,
} from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { EntryFailure, ServiceOptions } from '../shared/commandEntry.js';
import { decodeCommand, entryFailure } from '../shared/commandEntry.js';
import type { ContactKey, KeyReservations } from '../reservations/keyReservations.js';
import type { CustomerError } from './errors.js';
import type { CustomerState } from './state.js';
import { stepContext } from '../reservations/stepContext.js';
import { createKeyReservations } from '../reservations/keyReservations.js';
import type { CustomerCommandInput } from './commands.js';
import { CustomerCommand } from './commands.js';
import { customerDecider } from './decide.js';
import { CustomerEvent } from './events.js';
import { CUSTOMER_STATE_VERSION, CustomerStateCodec } from './stateCodec.js';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';

/** Why a customer command appended nothing: a rule, bad input, a denial, or racing writers. */
export type CustomerFailure = EntryFailure<CustomerError>;

/** What a customer command did. */
export type CustomerOutcome = CommandOutcome<CustomerEvent, CustomerState>;

/** Options of {@link createCustomerService}. */
export interface CustomerServiceOptions extends ServiceOptions<CustomerCommand, CustomerState> {
  readonly tenantId: string;
  /** The tenant's secret for hashing duplicate-check keys; keep it outside the event store. */
  readonly tenantKey: string | Uint8Array;
  /** How old an orphaned claim must be before a new registration takes it over. */
  readonly gracePeriodMs?: number | undefined;
  /**
   * Snapshot customers every `every` events in `store`. Snapshots hold personal data in clear:
   * give the same snapshot store to the privacy service, which drops them when a person is
   * forgotten.
   */
  readonly snapshots?: { readonly store: SnapshotStore; readonly every: number } | undefined;
}

/** One account of {@link CustomerService.transferAll}: handed over, or why not. */
export interface CustomerTransfer {
  readonly customerId: string;
  readonly result: E.Either<CustomerFailure, CustomerOutcome>;
}

/** The Customer write side as apps and importers use it. */
export interface CustomerService {
  /** Decodes untrusted input as a customer command and runs it, keeping duplicate-check keys in step. */
  handle(
    input: unknown,
    context: CommandContext,
  ): Promise<E.Either<CustomerFailure, CustomerOutcome>>;
  /** Runs a customer command written in code, typed in plain values; decoded like `handle`'s input. */
  send(
    input: CustomerCommandInput,
    context: CommandContext,
  ): Promise<E.Either<CustomerFailure, CustomerOutcome>>;
  /** Merges `mergedId` into `survivorId`: moves emails, phones and contacts, then the keys. */
  merge(
    mergedId: string,
    survivorId: string,
    context: CommandContext,
  ): Promise<E.Either<CustomerFailure, CustomerOutcome>>;
  /**
   * Hands every listed account from one rep to another (a rep who leaves passes all accounts to a
   * successor, so nobody walks out with them). Each customer is a separate command; the result
   * lists each outcome in the order given, and accounts no longer owned by `fromOwnerId` are refused, not taken.
   */
  transferAll(
    customerIds: readonly string[],
    fromOwnerId: string,
    toOwnerId: string,
    context: CommandContext,
  ): Promise<readonly CustomerTransfer[]>;
  /** A customer's current state. */
  load(customerId: string): Promise<CustomerState>;
  readonly reservations: KeyReservations;
}

const keysOf = (emails: readonly string[] = [], phones: readonly string[] = []): ContactKey[] => [
  ...emails.map((value) => ({ kind: 'email' as const, value })),
  ...phones.map((value) => ({ kind: 'phone' as const, value })),
];

const notIn = (keys: readonly ContactKey[], others: readonly ContactKey[]) =>
  keys.filter((key) => !others.some((o) => o.kind === key.kind && o.value === key.value));

/**
 * The typed entry point of the Customer aggregate: decodes input at the boundary (a failure names
 * each wrong field and appends nothing), claims duplicate-check keys before a registration or an
 * edit that adds emails or phones, and releases keys freed by an edit, a merge or an erasure.
 */
export const createCustomerService = (
  store: EventStore,
  options: CustomerServiceOptions,
): CustomerService => {
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider: customerDecider,
    eventCodec: CustomerEvent,
    streamName: (command) => streamName('Customer', command.customerId),
    newEventId: options.newEventId,
    authorize: options.authorize,
    snapshots: options.snapshots && {
      ...options.snapshots,
      stateVersion: CUSTOMER_STATE_VERSION,
      stateCodec: CustomerStateCodec,
    },
  });
  const load = async (customerId: string) =>
    (await handler.load(streamName('Customer', customerId))).state;
  const reservations = createKeyReservations({
    store,
    tenantId: options.tenantId,
    tenantKey: options.tenantKey,
    customerExists: async (customerId) => 'registered' in (await load(customerId)),
    gracePeriodMs: options.gracePeriodMs,
    newEventId: options.newEventId,
  });
  const run = async (command: CustomerCommand, context: CommandContext) =>
    E.mapLeft(entryFailure<CustomerError>)(await handler.handle(command, context));

  /** Claims `added` first, runs the command, then releases `removed` (or `added` on failure). */
  const withKeys = async (
    command: CustomerCommand,
    added: readonly ContactKey[],
    removed: readonly ContactKey[],
    context: CommandContext,
  ) => {
    // Checked before any key is claimed: otherwise a refused actor would learn from a
    // DuplicateCustomer answer that an email or phone belongs to somebody's customer.
    const permitted = options.authorize(command, await load(command.customerId), context);
    if (E.isLeft(permitted))
      return E.left<CustomerFailure>({ kind: 'Forbidden', denial: permitted.left });
    const claimed = await reservations.claim(added, command.customerId, context);
    if (E.isLeft(claimed)) {
      return E.left<CustomerFailure>({
        kind: 'DuplicateCustomer',
        existingCustomerId: claimed.left.holderId,
        matchedOn: claimed.left.kind,
      });
    }
    const result = await run(command, stepContext(context, 'command'));
    const release = E.isRight(result) ? removed : added;
    await reservations.release(
      release,
      command.customerId,
      E.isRight(result) ? 'edited' : 'commandRefused',
      context,
    );
    return result;
  };

  const handle: CustomerService['handle'] = async (input, context) => {
    const decoded = decodeCommand(CustomerCommand, input);
    if (E.isLeft(decoded)) return decoded;
    const command = decoded.right;
    switch (command.kind) {
      case 'RegisterCustomer':
        return withKeys(command, keysOf(command.emails, command.phones), [], context);
      case 'UpdateCustomerProfile': {
        if (command.emails === undefined && command.phones === undefined)
          return run(command, context);
        const state = await load(command.customerId);
        const before = 'registered' in state ? keysOf(state.emails, state.phones) : [];
        const after = keysOf(
          command.emails ?? ('registered' in state ? state.emails : []),
          command.phones ?? ('registered' in state ? state.phones : []),
        );
        return withKeys(command, notIn(after, before), notIn(before, after), context);
      }
      case 'MergeCustomerInto':
        return merge(command.customerId, command.survivorId, context);
      case 'AbsorbCustomer':
        return E.left({
          kind: 'InvalidCommand',
          problems: ['kind: AbsorbCustomer is sent by a merge'],
        });
      case 'EraseCustomerPersonalData': {
        const state = await load(command.customerId);
        const result = await run(command, stepContext(context, 'command'));
        if (E.isRight(result) && 'registered' in state) {
          await reservations.release(
            keysOf(state.emails, state.phones),
            command.customerId,
            'erased',
            context,
          );
        }
        return result;
      }
      default:
        return run(command, context);
    }
  };

  const merge: CustomerService['merge'] = async (mergedId, survivorId, context) => {
    // Checked before anything moves, so a refused merge leaves both customers as they were.
    if (mergedId === survivorId)
      return E.left({ kind: 'CannotMergeIntoItself', customerId: mergedId });
    const merged = await load(mergedId);
    if (!('registered' in merged))
      return E.left({ kind: 'CustomerNotFound', customerId: mergedId });
    if (merged.survivorId !== null) {
      return E.left({
        kind: 'CustomerMergedAway',
        customerId: mergedId,
        survivorId: merged.survivorId,
      });
    }
    const absorbed = await run(
      {
        kind: 'AbsorbCustomer',
        customerId: survivorId,
        mergedCustomerId: mergedId,
        subjectId: merged.subjectId,
        emails: merged.emails,
        phones: merged.phones,
        contacts: merged.contacts,
      },
      stepContext(context, 'absorb'),
    );
    if (E.isLeft(absorbed)) return absorbed;
    const closed = await run(
      { kind: 'MergeCustomerInto', customerId: mergedId, survivorId },
      stepContext(context, 'close'),
    );
    if (E.isLeft(closed)) return closed;
    // The keys follow the emails and phones: freed from the merged customer, claimed by the survivor.
    const keys = keysOf(merged.emails, merged.phones);
    await reservations.release(keys, mergedId, 'merged', context);
    await reservations.claim(keys, survivorId, stepContext(context, 'survivorKeys'));
    return absorbed;
  };

  const transferAll: CustomerService['transferAll'] = async (
    customerIds,
    fromOwnerId,
    toOwnerId,
    context,
  ) => {
    const results: CustomerTransfer[] = [];
    for (const customerId of customerIds) {
      const command = { kind: 'TransferCustomer' as const, customerId, fromOwnerId, toOwnerId };
      const result = await run(command, stepContext(context, `transfer:${customerId}`));
      results.push({ customerId, result });
    }
    return results;
  };

  return { handle, send: handle, merge, transferAll, load, reservations };
};
