import * as E from 'fp-ts/lib/Either.js';
import type {
  CommandContext,
  DataKeyStore,
  EventStore,
  IsoInstant,
  SnapshotStore,
} from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import { domainUpcasters } from '../upcasting/domainUpcasters.js';
import type { CustomerFailure, CustomerService } from '../customer/customerService.js';
import type { InvoiceService } from '../invoice/invoiceService.js';
import type { LeadService } from '../lead/leadService.js';
import { stepContext } from '../reservations/stepContext.js';
import type { EntryFailure, ServiceOptions } from '../shared/commandEntry.js';
import { entryFailure } from '../shared/commandEntry.js';
import type { DateOnly } from '../shared/dates.js';
import type { RetentionClass } from '../shared/retention.js';
import { RETENTION_CLASSES, retainedKeySubject } from '../shared/retention.js';
import type { DataSubjectCommand } from './commands.js';
import type { DataSubjectError, DataSubjectState } from './decide.js';
import { dataSubjectDecider } from './decide.js';
import { dataSubjectStates } from './dataSubjectStates.js';
import type { CorrectionEntry } from './sendCorrections.js';
import type { RectificationStep } from './events.js';
import { sendCorrections } from './sendCorrections.js';
import { DataSubjectEvent } from './events.js';
import type { ScanProgress } from './footprint.js';
import type { ForgetOutcome, PersonalDataExport } from './privacyOutcomes.js';
import { findPersonalData } from './footprint.js';
import { customersThatAre, heldContactKeys, retentionHoldsFor, unique } from './erasurePlan.js';
import type { PersonalCorrection } from './rectification.js';
import { planRectification } from './rectification.js';
import type { RetentionPolicy } from './retentionPolicy.js';
import { defaultRetentionPolicy } from './retentionPolicy.js';

/**
 * Why a data-subject request was not carried out: a rule or a denial of the request itself, or a
 * customer that could not be erased (nothing was destroyed then; fix it and run again).
 */
export type PrivacyFailure =
  | EntryFailure<DataSubjectError>
  | {
      readonly kind: 'CustomerNotErased';
      readonly customerId: string;
      readonly failure: CustomerFailure;
    };

export type { ForgetOutcome, PersonalDataExport } from './privacyOutcomes.js';

/** A retention hold ended by {@link PrivacyService.eraseDueRetainedData}. */
export interface EndedHold {
  readonly subjectId: string;
  readonly retentionClass: RetentionClass;
  readonly result: E.Either<PrivacyFailure, void>;
}

type DataSubjectServiceOptions = ServiceOptions<DataSubjectCommand, DataSubjectState>;

/** Options of {@link createPrivacyService}; `authorize` says who may forget, export, rectify. */
export interface PrivacyServiceOptions extends DataSubjectServiceOptions {
  /**
   * The engine below the encryption: finding a person's events then skips, undecrypted, every
   * event whose key list does not name them (see `findPersonalData`).
   */
  readonly engine?: EventStore | undefined;
  /** The data keys the store encrypts with: forgetting destroys the person's. */
  readonly keys: DataKeyStore;
  /** Erases the customers that are the person and releases their duplicate-check keys. */
  readonly customers: CustomerService;
  /** Where lead corrections go; without it, leads are skipped by a rectification, saying so. */
  readonly leads?: LeadService | undefined;
  /** Where billing-contact corrections go; without it, invoices are skipped, saying so. */
  readonly invoices?: InvoiceService | undefined;
  /** Where activity corrections go; without it, activities are skipped, saying so. */
  readonly activities?: CorrectionEntry | undefined;
  /** Snapshot stores whose snapshots of the person's streams must go. */
  readonly snapshots?: readonly SnapshotStore[] | undefined;
  /** How long records kept by law stay readable; defaults to {@link defaultRetentionPolicy}. */
  readonly retention?: RetentionPolicy | undefined;
}

/** A data subject's rights, carried out and recorded: erasure, access, and the record of both. */
export interface PrivacyService {
  /**
   * Forgets a person: erases the customers that are them (releasing their duplicate-check keys),
   * releases their emails and phones held by other customers after a merge, destroys their data
   * key, drops snapshots of every stream that held their data, and records `PersonForgotten`
   * with where their data was and what the law keeps (invoices, until a date). Afterwards every
   * read of their fields returns the erased marker. Safe to run again after a crash: each step is
   * idempotent and the record is written last. Read models hold no personal data, so none needs
   * rebuilding; see docs/security.md for the purge steps of each engine's files.
   */
  forgetPerson(
    subjectId: string,
    context: CommandContext,
    onProgress?: ScanProgress,
  ): Promise<E.Either<PrivacyFailure, ForgetOutcome>>;
  /**
   * Exports everything held about a person (the right of access), recording the export (who, when,
   * how many records) before returning it. Other people's fields in the same records are withheld.
   */
  exportPersonalData(
    subjectId: string,
    context: CommandContext,
    onProgress?: ScanProgress,
  ): Promise<E.Either<PrivacyFailure, PersonalDataExport>>;
  /**
   * Corrects a person's name, email or phone wherever they appear (the right to rectification),
   * as new events through each aggregate's correction command, then records the request with
   * every step and every stream it could not correct and why (a ticket's text; a customer with
   * several emails, where the person must say which). Refused once the person is forgotten.
   */
  rectifyPerson(
    subjectId: string,
    correction: PersonalCorrection,
    context: CommandContext,
    onProgress?: ScanProgress,
  ): Promise<E.Either<PrivacyFailure, readonly RectificationStep[]>>;
  /** Ends a retention hold on or after its day: records it, then destroys the held key. */
  eraseRetainedData(
    subjectId: string,
    retentionClass: RetentionClass,
    context: CommandContext,
  ): Promise<E.Either<PrivacyFailure, void>>;
  /** Ends every hold due by the context's business day: run it daily. */
  eraseDueRetainedData(context: CommandContext): Promise<readonly EndedHold[]>;
  /** What was done about a person's rights so far. */
  status(subjectId: string): Promise<DataSubjectState>;
}

/** The person's rights as one entry point, over the app's store (encrypted with `keys`). */
export const createPrivacyService = (
  store: EventStore,
  options: PrivacyServiceOptions,
): PrivacyService => {
  const { keys, customers } = options;
  const policy = options.retention ?? defaultRetentionPolicy;
  const source = { store, engine: options.engine };
  const handler = createCommandHandler({
    store,
    upcasters: domainUpcasters,
    decider: dataSubjectDecider,
    eventCodec: DataSubjectEvent,
    streamName: (command) => streamName('DataSubject', command.subjectId),
    newEventId: options.newEventId,
    authorize: options.authorize,
  });
  const status = async (subjectId: string) =>
    (await handler.load(streamName('DataSubject', subjectId))).state;
  const record = async (command: DataSubjectCommand, context: CommandContext) =>
    E.mapLeft(entryFailure<DataSubjectError>)(await handler.handle(command, context));

  /** Checks the actor before a request does anything: the record comes last, the check first. */
  const permitted = (
    command: DataSubjectCommand,
    state: DataSubjectState,
    context: CommandContext,
  ): E.Either<PrivacyFailure, void> => {
    const verdict = options.authorize(command, state, context);
    return E.isLeft(verdict) ? E.left({ kind: 'Forbidden', denial: verdict.left }) : verdict;
  };

  /** Snapshots are decrypted state: those of a forgotten person's streams must go. */
  const dropSnapshots = async (streams: readonly string[]) => {
    for (const snapshots of options.snapshots ?? []) {
      for (const stream of streams) await snapshots.remove(stream);
    }
  };

  const forgetPerson: PrivacyService['forgetPerson'] = async (subjectId, context, onProgress) => {
    const at = context.occurredAt as IsoInstant;
    const before = await status(subjectId);
    if (before.forgotten) {
      // Run again (after a crash, or a command that saved a snapshot while the person was being
      // forgotten): their streams' snapshots go again; nothing else is left to do.
      await dropSnapshots(before.forgottenStreams);
      return E.right({
        subjectId,
        alreadyForgotten: true,
        streams: before.forgottenStreams,
        customersErased: [],
        retentionHolds: before.holds,
      });
    }
    const draft = { streams: [], customersErased: [], retentionHolds: [] };
    const allowed = permitted({ kind: 'ForgetPerson', subjectId, at, ...draft }, before, context);
    if (E.isLeft(allowed)) return allowed;

    const records = await findPersonalData(source, subjectId, onProgress);
    const streams = unique(records.map((r) => r.streamName));
    const customersErased = customersThatAre(records, subjectId);
    const retentionHolds = retentionHoldsFor(records, policy, at.slice(0, 10) as DateOnly);
    const heldKeys = heldContactKeys(records);

    for (const customerId of customersErased) {
      const erased = await customers.handle(
        { kind: 'EraseCustomerPersonalData', customerId },
        stepContext(context, `erase ${customerId}`),
      );
      if (E.isLeft(erased)) {
        return E.left({ kind: 'CustomerNotErased', customerId, failure: erased.left });
      }
    }
    for (const [customerId, contactKeys] of heldKeys) {
      await customers.reservations.release(
        contactKeys,
        customerId,
        'erased',
        stepContext(context, `release ${customerId}`),
      );
    }

    await keys.forgetSubject(subjectId);
    const held = new Set(retentionHolds.map((hold) => hold.retentionClass));
    for (const retentionClass of RETENTION_CLASSES) {
      if (!held.has(retentionClass)) {
        await keys.forgetSubject(retainedKeySubject(subjectId, retentionClass));
      }
    }

    await dropSnapshots(streams);

    const recorded = await record(
      { kind: 'ForgetPerson', subjectId, at, streams, customersErased, retentionHolds },
      context,
    );
    if (E.isLeft(recorded)) return recorded;
    return E.right({
      subjectId,
      alreadyForgotten: false,
      streams,
      customersErased,
      retentionHolds,
    });
  };

  const exportPersonalData: PrivacyService['exportPersonalData'] = async (
    subjectId,
    context,
    onProgress,
  ) => {
    const at = context.occurredAt as IsoInstant;
    const state = await status(subjectId);
    const draft = { kind: 'RecordPersonalDataExport' as const, subjectId, at, records: 0 };
    const allowed = permitted({ ...draft, streams: [] }, state, context);
    if (E.isLeft(allowed)) return allowed;
    const records = await findPersonalData(source, subjectId, onProgress);
    const streams = unique(records.map((r) => r.streamName));
    const recorded = await record({ ...draft, records: records.length, streams }, context);
    if (E.isLeft(recorded)) return recorded;
    return E.right({
      subjectId,
      exportedAt: at,
      forgotten: state.forgotten,
      retentionHolds: state.holds,
      records,
    });
  };

  const rectifyPerson: PrivacyService['rectifyPerson'] = async (
    subjectId,
    correction,
    context,
    onProgress,
  ) => {
    const at = context.occurredAt as IsoInstant;
    const state = await status(subjectId);
    const allowed = permitted(
      { kind: 'RecordRectification', subjectId, at, steps: [] },
      state,
      context,
    );
    if (E.isLeft(allowed)) return allowed;
    if (state.forgotten) return E.left({ kind: 'PersonForgotten', subjectId });
    if (Object.values(correction).every((value) => value === undefined)) {
      return E.left({
        kind: 'InvalidCommand',
        problems: ['give at least one of name, email, phone'],
      });
    }
    const records = await findPersonalData(source, subjectId, onProgress);
    // The options name the entry points by the entries a plan sends corrections to.
    const plan = planRectification(subjectId, records, correction);
    const steps = await sendCorrections(plan, options, context);
    const recorded = await record({ kind: 'RecordRectification', subjectId, at, steps }, context);
    return E.isLeft(recorded) ? recorded : E.right(steps);
  };

  const eraseRetainedData: PrivacyService['eraseRetainedData'] = async (
    subjectId,
    retentionClass,
    context,
  ) => {
    const recorded = await record(
      {
        kind: 'EraseRetainedPersonalData',
        subjectId,
        retentionClass,
        at: context.occurredAt as IsoInstant,
      },
      context,
    );
    if (E.isLeft(recorded)) return recorded;
    // Destroyed after the record, and again on a rerun: the record never claims a key still alive
    // for longer than a crash lasts, and destroying twice is harmless.
    await keys.forgetSubject(retainedKeySubject(subjectId, retentionClass));
    return E.right(undefined);
  };

  const eraseDueRetainedData: PrivacyService['eraseDueRetainedData'] = async (context) => {
    const today = context.occurredAt.slice(0, 10);
    const states = await dataSubjectStates(store);
    const ended: EndedHold[] = [];
    for (const [subjectId, state] of states) {
      for (const hold of state.holds) {
        if (hold.erased || hold.until > today) continue;
        const result = await eraseRetainedData(
          subjectId,
          hold.retentionClass,
          stepContext(context, `retention ${subjectId} ${hold.retentionClass}`),
        );
        ended.push({ subjectId, retentionClass: hold.retentionClass, result });
      }
    }
    return ended;
  };

  return {
    forgetPerson,
    exportPersonalData,
    rectifyPerson,
    eraseRetainedData,
    eraseDueRetainedData,
    status,
  };
};
