import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import type { CsvReadOptions, ImportReport } from '@clientele/domain';
import { checkCsv } from '@clientele/domain';
import type { DatasetImport, ImportSetting } from './datasetImports.js';
import { describeCsvProblem } from './describeCsvProblem.js';
import { stagedStore } from './stagedStore.js';

/** How an import goes: which rows may be left out, and whether to write at all. */
export interface ImportPlan {
  readonly mapping: DatasetImport;
  /** The CSV file given; a named mapping may read files beside it too. */
  readonly file: string;
  readonly csv: Omit<CsvReadOptions, 'onHeader'>;
  readonly store: EventStore;
  readonly tenant: ImportSetting['tenant'];
  /** Write the valid rows even if others are rejected (they are reported). */
  readonly skipInvalid: boolean;
  /** Check every row against the store and write nothing. */
  readonly dryRun: boolean;
  /** Who runs the import and how: the events' actor, and the mapping and file hashes. */
  readonly operator?: ImportSetting['operator'];
  /** Told of every command sent, in the check and in the writing. */
  readonly onCommand?: (stage: 'checking' | 'writing', command: unknown) => void;
}

/** What an import did: nothing (a file that is not CSV, or rejected rows), or its writing. */
export type ImportOutcome =
  /** A file could not be read as CSV or the mapping could not start: nothing was written. */
  | { readonly kind: 'refused'; readonly message: string }
  /** Every row was decided against the store; `written` says whether the events were kept. */
  | { readonly kind: 'done'; readonly report: ImportReport; readonly written: boolean };

/**
 * Reads every file an import would read, whole and without keeping it (RFC 4180, the encoding):
 * the first problem, naming file and line, or nothing. Run it before opening the store, so a file
 * that is not CSV leaves no trace.
 */
export const checkImportFiles = async (
  plan: Pick<ImportPlan, 'mapping' | 'file' | 'csv'>,
): Promise<string | undefined> => {
  for (const file of [plan.file, ...(plan.mapping.readsBeside?.(plan.file) ?? [])]) {
    const checked = await checkCsv(createReadStream(file), plan.csv);
    if (E.isLeft(checked)) return `${file}: ${describeCsvProblem(checked.left)}`;
  }
  return undefined;
};

/**
 * Imports a CSV file atomically by default, once {@link checkImportFiles} has passed: every row is decided against the real store seen through a
 * scratch layer, so domain rules meet the data as it is, and nothing is written; only if no row
 * was rejected are the rows sent again for real, with the same command ids. With `skipInvalid`
 * the check is left out and the valid rows are written. A crash while writing leaves whole
 * commands, and a re-run completes the import without repeating any (command ids derive from rows).
 */
export const runImport = async (plan: ImportPlan): Promise<ImportOutcome> => {
  const pass = async (
    store: EventStore,
    stage: 'checking' | 'writing',
  ): Promise<E.Either<string, ImportReport>> =>
    plan.mapping.run(plan.file, {
      store,
      tenant: plan.tenant,
      csv: plan.csv,
      operator: plan.operator,
      onCommand: (command) => plan.onCommand?.(stage, command),
    });
  if (!plan.skipInvalid || plan.dryRun) {
    const scratch = stagedStore(plan.store);
    const checked = await pass(scratch, 'checking').finally(() => scratch.close());
    if (E.isLeft(checked)) return { kind: 'refused', message: checked.left };
    if (plan.dryRun || checked.right.rejected.length > 0)
      return { kind: 'done', report: checked.right, written: false };
  }
  const written = await pass(plan.store, 'writing');
  return E.isLeft(written)
    ? { kind: 'refused', message: written.left }
    : { kind: 'done', report: written.right, written: true };
};

/** The SHA-256 of a file's bytes, in hex, read as a stream. */
export const fileSha256 = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};
