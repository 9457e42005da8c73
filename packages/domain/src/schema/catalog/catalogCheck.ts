import type { JsonSchema } from '../jsonSchema.js';
import type { CatalogEntry } from './catalogEntries.js';
import { catalogPath } from './catalogEntries.js';
import { incompatibilities } from './schemaCompatibility.js';

/** What comparing the codecs with the committed catalog found. */
export interface CatalogComparison {
  /**
   * Changes that would make stored events unreadable: a stored event's schema changed
   * incompatibly at the same version (no upcaster covers it), or a stored type disappeared.
   * These fail the check and must not be written to the catalog.
   */
  readonly incompatible: readonly string[];
  /** Files to write (new types, new versions, compatible changes): the catalog is behind. */
  readonly toWrite: ReadonlyMap<string, JsonSchema>;
  /** Command files no command has any more (commands are not stored, so they just go). */
  readonly toRemove: readonly string[];
}

const versionOf = (file: string): number => Number(/\.v(\d+)\.json$/.exec(file)?.[1] ?? '0');
const nameOf = (file: string): string =>
  file.replace(/^[a-z]+s\//, '').replace(/\.v\d+\.json$/, '');

const eventProblems = (
  entry: CatalogEntry,
  committed: ReadonlyMap<string, JsonSchema>,
  file: string,
): string[] => {
  const stored = committed.get(file);
  if (stored !== undefined) {
    return incompatibilities(stored, entry.schema).map(
      (change) =>
        `${entry.name} v${String(entry.version)} changed incompatibly (${change}) with no upcaster: add an upcaster from version ${String(entry.version)} to ${String(entry.version + 1)} in packages/domain/src/upcasting`,
    );
  }
  const previous = catalogPath({ ...entry, version: entry.version - 1 });
  return entry.version > 1 && !committed.has(previous)
    ? [`${entry.name} is at version ${String(entry.version)} but ${previous} was never catalogued`]
    : [];
};

/**
 * Compares the codecs' entries with the committed catalog (`path → schema`, paths as
 * {@link catalogPath} names them). Older versions of an event stay in the catalog as history: a
 * reader of an old export, or of the log itself, finds each shape there.
 */
export const compareWithCatalog = (
  entries: readonly CatalogEntry[],
  committed: ReadonlyMap<string, JsonSchema>,
): CatalogComparison => {
  const incompatible: string[] = [];
  const toWrite = new Map<string, JsonSchema>();
  for (const entry of entries) {
    const file = catalogPath(entry);
    const problems = entry.kind === 'event' ? eventProblems(entry, committed, file) : [];
    incompatible.push(...problems);
    const stored = committed.get(file);
    if (problems.length === 0 && JSON.stringify(stored) !== JSON.stringify(entry.schema)) {
      toWrite.set(file, entry.schema);
    }
  }
  const current = new Set(entries.filter((e) => e.kind === 'event').map((e) => e.name));
  for (const file of committed.keys()) {
    if (file.startsWith('events/') && !current.has(nameOf(file)) && versionOf(file) > 0) {
      incompatible.push(
        `${nameOf(file)} was removed, but stored events of that type would no longer be read`,
      );
    }
  }
  const commandFiles = new Set(
    entries.filter((e) => e.kind === 'command').map((entry) => catalogPath(entry)),
  );
  const toRemove = [...committed.keys()].filter(
    (file) => file.startsWith('commands/') && !commandFiles.has(file),
  );
  return { incompatible: [...new Set(incompatible)], toWrite, toRemove };
};
