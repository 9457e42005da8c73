import type * as E from 'fp-ts/lib/Either.js';
import type {
  CommandContext,
  DataKeyStore,
  EventStore,
  SnapshotStore,
} from '@clientele/eventstore';
import type { CustomerFailure, CustomerService } from '../customer/customerService.js';
import type { InvoiceService } from '../invoice/invoiceService.js';
import type { LeadService } from '../lead/leadService.js';
import type { EntryFailure, ServiceOptions } from '../shared/commandEntry.js';
import type { RetentionClass } from '../shared/retention.js';
import type { DataSubjectCommand } from './commands.js';
import type { DataSubjectError, DataSubjectState } from './decide.js';
import type { CorrectionEntry } from './sendCorrections.js';
import type { RectificationStep } from './events.js';
import type { ScanProgress } from './footprint.js';
import type { ForgetOutcome, PersonalDataExport } from './privacyOutcomes.js';
import type { PersonalCorrection } from './rectification.js';
import type { RetentionPolicy } from './retentionPolicy.js';

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
  /** How long records kept by law stay readable; defaults to `defaultRetentionPolicy`. */
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
