import type { CatalogEntry } from './catalogEntries.js';
import { catalogPath } from './catalogEntries.js';

const versionsOf = (name: string, files: readonly string[]): string =>
  files
    .filter((file) => file.startsWith(`events/${name}.v`))
    .map((file) => /\.v(\d+)\.json$/.exec(file)?.[1] ?? '?')
    .sort((a, b) => Number(a) - Number(b))
    .map((version) => `[v${version}](events/${name}.v${version}.json)`)
    .join(', ');

/**
 * The catalog's README: every stored event with its current version and the versions kept as
 * history, and every command, each linked to its JSON Schema file.
 */
export const renderCatalogIndex = (
  entries: readonly CatalogEntry[],
  files: readonly string[],
): string => {
  const events = entries.filter((entry) => entry.kind === 'event');
  const commands = entries.filter((entry) => entry.kind === 'command');
  return [
    '# Schema catalog',
    '',
    'Generated from the io-ts codecs by `packages/domain/src/schema/catalog` (regenerate with',
    '`CLIENTELE_UPDATE_DOCS=1 npx vitest run packages/domain/src/schema/catalog`). Do not edit.',
    '',
    'Every stored event type at the schema version new events are written with, and every older',
    'version still found in stored logs (read through the upcasters in',
    '`packages/domain/src/upcasting`). The check beside the generator fails when a stored',
    "event's codec changes in a way old events would not decode and no upcaster covers it;",
    'see docs/operations.md, "Changing an event".',
    '',
    'The integration events other systems receive through the outbox are a separate, published',
    'contract: [integration/](integration/README.md).',
    '',
    `## Events (${String(events.length)})`,
    '',
    '| event | current version | all versions |',
    '| --- | --- | --- |',
    ...events.map(
      (entry) =>
        `| ${entry.name} | [${String(entry.version)}](${catalogPath(entry)}) | ${versionsOf(entry.name, files)} |`,
    ),
    '',
    `## Commands (${String(commands.length)})`,
    '',
    'Commands are never stored; each has one version, the API of its service.',
    '',
    '| command | schema |',
    '| --- | --- |',
    ...commands.map((entry) => `| ${entry.name} | [v1](${catalogPath(entry)}) |`),
    '',
  ].join('\n');
};
