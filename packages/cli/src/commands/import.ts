import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import {
  ACTOR_HELP,
  actorOption,
  commandActor,
  commandPermitted,
} from '../actor/commandLineActor.js';
import type { CliCommand } from '../command.js';
import type { DatasetImport, ImportKind } from '../importing/datasetImports.js';
import { readColumnMapping } from '../importing/columnMapping.js';
import { fileMappingImport } from '../importing/fileMappingImport.js';
import { ExitCode } from '../exitCodes.js';
import { DATASET_IMPORTS, IMPORT_KINDS } from '../importing/datasetImports.js';
import { renderImportSummary, renderRejections } from '../importing/importSummary.js';
import { createProgressBar } from '../output/progressBar.js';
import { openStore, storeUrl } from '../store/openStore.js';
import { protectedStore } from '../store/protectedStore.js';
import { tenantFrom } from '../store/tenant.js';

/** The tenant key used when `CLIENTELE_TENANT_KEY` is not set: fine for trying, not for production. */

const HELP = `Usage: clientele import customers|leads|opportunities|tickets|invoices <file.csv>
                        [--mapping NAME|FILE] [--dry-run] [--store URL]

Reads a CSV, decodes every row with a mapping and sends the commands through the domain's entry
points (never raw events). A row is accepted whole or reported with its line number and reasons;
re-running the same import changes nothing, because command ids derive from the rows.

Mappings (--mapping; the default is the one mapping of the kind):
${DATASET_IMPORTS.map((d) => `  ${d.name.padEnd(9)} ${d.kind.padEnd(14)} ${d.describe}`).join('\n')}

  --mapping NAME  one of the mappings above
  --mapping FILE  a JSON mapping file for customers or leads: which column is the id, which
                  command field each column fills, fixed values for the rest, e.g.
                  {"imports": "customers", "idColumn": "account", "idPrefix": "acme-",
                   "columns": {"name": "account", "industry": "sector"},
                   "constants": {"customerKind": "company"}, "dateColumn": "since"}
  --dry-run       check every row against a fresh in-memory store; write nothing
  --store URL     sqlite:FILE (default ./clientele.db), postgres://…, esdb://…; or CLIENTELE_STORE

Customers are registered in the tenant CLIENTELE_TENANT (default "default"); their duplicate-check
keys are hashed with CLIENTELE_TENANT_KEY (set it, kept outside the store, for real data).
Exit codes: 0 every row imported; 1 rows were rejected; 2 bad arguments; 3 store unavailable;
4 the actor may not import: it needs the Data.import permission (administrators by default).
${ACTOR_HELP}`;

const isKind = (value: string | undefined): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value ?? '');

/** The named mapping, the mapping file, or the kind's only named mapping; or what is wrong. */
const chooseMapping = (
  kind: ImportKind,
  option: string | boolean | undefined,
  cwd: string,
): E.Either<string, DatasetImport> => {
  const names = DATASET_IMPORTS.map((d) => d.name).join(', ');
  let mapping: DatasetImport | undefined;
  if (typeof option === 'string') {
    mapping = DATASET_IMPORTS.find((d) => d.name === option);
    if (mapping === undefined) {
      const file = resolve(cwd, option);
      if (!existsSync(file))
        return E.left(`"${option}" is neither a mapping (${names}) nor a mapping file`);
      const read = readColumnMapping(file);
      if (E.isLeft(read)) return read;
      mapping = fileMappingImport(file, read.right);
    }
  } else {
    const forKind = DATASET_IMPORTS.filter((d) => d.kind === kind);
    mapping = forKind.length === 1 ? forKind[0] : undefined;
    if (mapping === undefined)
      return E.left(`no named mapping imports ${kind}: give a mapping file with --mapping FILE`);
  }
  return mapping.kind === kind
    ? E.right(mapping)
    : E.left(`the ${mapping.name} mapping imports ${mapping.kind}, not ${kind}`);
};

/** `clientele import`: a CSV through a mapping into the store, as commands. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a CSV as commands through a named mapping; re-running changes nothing',
  help: HELP,
  options: {
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    store: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = commandActor('import', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const permitted = commandPermitted('import', actor.right, 'Data.import', io);
    if (E.isLeft(permitted)) return permitted.left;
    const [kind, path] = positionals;
    if (!isKind(kind) || path === undefined || positionals.length > 2) {
      io.stderr(
        `clientele import: give what to import (${IMPORT_KINDS.join('|')}) and a CSV file; see clientele import --help\n`,
      );
      return ExitCode.usage;
    }
    const chosen = chooseMapping(kind, values['mapping'], io.cwd);
    if (E.isLeft(chosen)) {
      io.stderr(`clientele import: ${chosen.left}\n`);
      return ExitCode.usage;
    }
    const mapping = chosen.right;
    const file = resolve(io.cwd, path);
    if (!existsSync(file)) {
      io.stderr(`clientele import: ${file} does not exist\n`);
      return ExitCode.usage;
    }
    const dryRun = values['dry-run'] === true;
    let store: EventStore;
    let close: () => Promise<void>;
    if (dryRun) {
      store = createInMemoryEventStore();
      close = () => store.close();
    } else {
      const opened = await openStore(storeUrl(values['store'], io.env), io.cwd);
      if (E.isLeft(opened)) {
        io.stderr(`clientele import: ${opened.left}\n`);
        return ExitCode.storeUnavailable;
      }
      // As the demo writes them: the tamper-evident hash chain, personal fields encrypted per person.
      const stack = protectedStore(opened.right);
      if (E.isLeft(stack)) {
        io.stderr(`clientele import: ${stack.left}\n`);
        await opened.right.store.close();
        return ExitCode.storeUnavailable;
      }
      store = stack.right.store;
      close = stack.right.close;
    }
    try {
      const progress = createProgressBar(io, `importing ${kind} (${mapping.name})`);
      let sent = 0;
      const result = await mapping.run(file, {
        store,
        tenant: tenantFrom(io.env),
        onCommand: () => {
          sent += 1;
          progress.update({ done: sent, unit: 'commands' });
        },
      });
      progress.finish({ done: sent, unit: 'commands' });
      if (E.isLeft(result)) {
        io.stderr(`clientele import: ${result.left}\n`);
        return ExitCode.usage;
      }
      io.stderr(renderRejections(result.right));
      io.stdout(renderImportSummary(result.right, dryRun));
      return result.right.rejected.length > 0 ? ExitCode.failed : ExitCode.ok;
    } finally {
      await close();
    }
  },
};
