import type { RetentionHold } from './events.js';
import type { PersonalRecord } from './footprint.js';

/** What forgetting a person did. */
export interface ForgetOutcome {
  readonly subjectId: string;
  /** True when the person had been forgotten before: nothing was done again. */
  readonly alreadyForgotten: boolean;
  /** The streams that held their personal data. */
  readonly streams: readonly string[];
  /** Customers that were the person themselves, now marked erased with their keys released. */
  readonly customersErased: readonly string[];
  /** What the law still keeps readable, and until when. */
  readonly retentionHolds: readonly RetentionHold[];
}

/** Everything held about a person (the right of access), as handed to them. */
export interface PersonalDataExport {
  readonly subjectId: string;
  readonly exportedAt: string;
  /** Whether the person was forgotten, and what is still held by law. */
  readonly forgotten: boolean;
  readonly retentionHolds: readonly (RetentionHold & { readonly erased: boolean })[];
  /** Every event holding their data, their own fields readable (or erased), others' withheld. */
  readonly records: readonly PersonalRecord[];
}
