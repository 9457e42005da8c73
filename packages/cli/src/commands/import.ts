import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { CsvReadOptions } from '@clientele/domain';
import type { Actor } from '@clientele/eventstore';
import { parseDelimiter } from '@clientele/domain';
import { ACTOR_HELP, actorOption, commandActor } from '../actor/commandLineActor.js';
import { operatorPermitted } from '../actor/operatorPermission.js';
import type { CliCommand, CommandInput } from '../command.js';
import type { DatasetImport, ImportKind } from '../importing/datasetImports.js';
import { readColumnMapping } from '../importing/columnMapping.js';
import { fileMappingImport } from '../importing/fileMappingImport.js';
import { MAPPING_KIND_NAMES } from '../importing/mappingFile/mappingKinds.js';
import { mappingTemplate } from '../importing/mappingFile/mappingTemplate.js';
import { ExitCode } from '../exitCodes.js';
import type { CliIo } from '../io.js';
import { DATASET_IMPORTS, IMPORT_KINDS } from '../importing/datasetImports.js';
import {
  DRY_RUN_LISTED,
  renderFirstCommands,
  renderImportSummary,
  renderRejections,
} from '../importing/importSummary.js';
import { checkImportFiles, fileSha256, runImport } from '../importing/runImport.js';
import { createProgressBar } from '../output/progressBar.js';
import { missingSqliteFile, openStore, storeUrl } from '../store/openStore.js';
import type { OpenedProtectedStore } from '../store/protectedStore.js';
import { openProtectedStore } from '../store/protectedStore.js';
import { tenantFrom } from '../store/tenant.js';

const HELP = `Usage: clientele import customers|contacts|leads|opportunities|tickets|invoices|payments <file.csv>
                        [--mapping NAME|FILE] [--dry-run] [--skip-invalid]
                        [--delimiter comma|semicolon|tab] [--encoding NAME] [--store URL]

Reads a CSV, decodes every row with a mapping and sends the commands through the domain's entry
points (never raw events). Nothing is written unless every row passes: the file is read whole
first (RFC 4180 quoting, its encoding), then every row is decided against the store as it is, and
only then written. Rejected rows are listed with their line numbers and reasons. Re-running the
same import changes nothing, because command ids derive from the rows; an interrupted import is
completed by running it again.

Mappings (--mapping; the default is the one mapping of the kind):
${DATASET_IMPORTS.map((d) => `  ${d.name.padEnd(9)} ${d.kind.padEnd(14)} ${d.describe}`).join('\n')}

  --mapping NAME  one of the mappings above
  --mapping FILE  a JSON mapping file for any of the kinds above: which column is
                  the id (and the prefix ids get), which command field each column fills,
                  value maps from the file's words to Clientele's, how dates and amounts are
                  written, fixed values for the rest (templates below)
  --dry-run       check every row against the store and write nothing; prints the first
                  commands the rows become (a store that does not exist yet is not created)
  --skip-invalid  write the valid rows and report the rejected ones (still exits 1)
  --delimiter D   comma, semicolon or tab; by default the one the header line uses
  --encoding NAME the file's encoding when it is not UTF-8 (latin1, windows-1252, utf-16le…);
                  without it, bytes that are not UTF-8 are refused, naming the line
  --store URL     sqlite:FILE (default ./clientele.db), postgres://…, esdb://…; or CLIENTELE_STORE

Customers are registered in the tenant CLIENTELE_TENANT (default "default"); their duplicate-check
keys are hashed with CLIENTELE_TENANT_KEY (set it, kept outside the store, for real data).
Exit codes: 0 every row imported (or, with --dry-run, would be); 1 nothing written because the
file is not readable CSV or rows were rejected (with --skip-invalid: the others were written);
2 bad arguments; 3 store unavailable; 4 the actor may not import: it needs the Data.import
permission (administrators by default).

Mapping file templates ("?" marks an optional field; drop the fields your file lacks):
${MAPPING_KIND_NAMES.map((k) => `  ${k}:\n${mappingTemplate(k).replace(/^/gm, '    ')}`).join('\n')}
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

/** The CSV options of the command line, or what is wrong with them. */
const csvOptions = (
  values: CommandInput['values'],
): E.Either<string, Omit<CsvReadOptions, 'onHeader'>> => {
  const given = values['delimiter'];
  const delimiter = typeof given === 'string' ? parseDelimiter(given) : undefined;
  if (typeof given === 'string' && delimiter === undefined)
    return E.left(`--delimiter takes comma, semicolon or tab, not "${given}"`);
  const encoding = values['encoding'];
  return E.right({ delimiter, encoding: typeof encoding === 'string' ? encoding : undefined });
};

/** What the command line asks to import: the kind, the mapping, the file and how to read it. */
interface ImportRequest {
  readonly kind: ImportKind;
  readonly mapping: DatasetImport;
  readonly file: string;
  readonly csv: Omit<CsvReadOptions, 'onHeader'>;
}

/** The import the arguments name, or what is wrong with them as a sentence. */
const importRequest = ({
  positionals,
  values,
  cwd,
}: Pick<CommandInput, 'positionals' | 'values'> & { readonly cwd: string }): E.Either<
  string,
  ImportRequest
> => {
  const [kind, path] = positionals;
  if (!isKind(kind) || path === undefined || positionals.length > 2)
    return E.left(
      `give what to import (${IMPORT_KINDS.join('|')}) and a CSV file; see clientele import --help`,
    );
  const mapping = chooseMapping(kind, values['mapping'], cwd);
  if (E.isLeft(mapping)) return mapping;
  const csv = csvOptions(values);
  if (E.isLeft(csv)) return csv;
  const file = resolve(cwd, path);
  return existsSync(file)
    ? E.right({ kind, mapping: mapping.right, file, csv: csv.right })
    : E.left(`${file} does not exist`);
};

/**
 * Runs the import into the opened store as the operator who asked, and prints the rejections,
 * the first commands of a dry run and the summary.
 */
const importInto = async (
  stack: OpenedProtectedStore['stack'],
  request: ImportRequest,
  run: { readonly actor: Actor; readonly dryRun: boolean; readonly skipInvalid: boolean },
  io: CliIo,
): Promise<{ readonly code: ExitCode; readonly written: boolean }> => {
  const { kind, mapping, file, csv } = request;
  const progress = createProgressBar(io, `importing ${kind} (${mapping.name})`);
  const firstCommands: unknown[] = [];
  let sent = 0;
  const outcome = await runImport({
    mapping,
    file,
    csv,
    store: stack.store,
    groupCommit: stack.groupCommit,
    tenant: tenantFrom(io.env),
    skipInvalid: run.skipInvalid,
    operator: {
      actor: run.actor,
      how: {
        via: 'import',
        mapping: mapping.name,
        ...(mapping.sha256 === undefined ? {} : { mappingSha256: mapping.sha256 }),
        fileSha256: await fileSha256(file),
      },
    },
    dryRun: run.dryRun,
    onCommand: (stage, command) => {
      sent += 1;
      if (run.dryRun && firstCommands.length < DRY_RUN_LISTED) firstCommands.push(command);
      progress.update({ done: sent, unit: `commands ${stage}` });
    },
  });
  progress.finish({ done: sent, unit: 'commands' });
  if (outcome.kind === 'refused') {
    io.stderr(`clientele import: ${outcome.message}\n`);
    return { code: ExitCode.failed, written: false };
  }
  io.stderr(renderRejections(outcome.report));
  if (run.dryRun) io.stdout(renderFirstCommands(firstCommands));
  io.stdout(renderImportSummary(outcome.report, outcome.written, run.dryRun));
  const code = outcome.report.rejected.length > 0 ? ExitCode.failed : ExitCode.ok;
  return { code, written: outcome.written };
};

/** Removes a SQLite store file the import created and wrote nothing into, with its WAL files. */
const removeUnwrittenStore = (file: string): void => {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    rmSync(path, { force: true });
};

/** `clientele import`: a CSV through a mapping into the store, as commands. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a CSV as commands through a named mapping; re-running changes nothing',
  help: HELP,
  options: {
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'skip-invalid': { type: 'boolean' },
    delimiter: { type: 'string' },
    encoding: { type: 'string' },
    store: { type: 'string' },
    ...actorOption,
  },
  run: async ({ positionals, values }, io) => {
    const actor = await commandActor('import', { values }, io);
    if (E.isLeft(actor)) return actor.left;
    const location = storeUrl(values['store'], io.env);
    const permitted = await operatorPermitted('import', actor.right, 'Data.import', {
      location,
      io,
    });
    if (E.isLeft(permitted)) return permitted.left;
    const request = importRequest({ positionals, values, cwd: io.cwd });
    if (E.isLeft(request)) {
      io.stderr(`clientele import: ${request.left}\n`);
      return ExitCode.usage;
    }
    const unreadable = await checkImportFiles(request.right);
    if (unreadable !== undefined) {
      io.stderr(`clientele import: ${unreadable}\nnothing was written\n`);
      return ExitCode.failed;
    }
    const dryRun = values['dry-run'] === true;
    // A store file this import creates is removed again if the import writes nothing into it.
    const created = missingSqliteFile(location, io.cwd);
    // A dry run creates no store: where there is none yet, it checks against an empty one.
    // Written as the demo writes: the tamper-evident hash chain, personal fields encrypted per
    // person.
    const opened = await openProtectedStore(
      dryRun && created !== undefined
        ? E.right((await import('../store/engines/memoryEngine.js')).openMemoryEngine())
        : openStore(location, io.cwd),
    );
    if (E.isLeft(opened)) {
      io.stderr(`clientele import: ${opened.left}\n`);
      return ExitCode.storeUnavailable;
    }
    const { stack } = opened.right;
    // Set only when the import ended and wrote nothing; a fault may have committed groups.
    let wroteNothing = false;
    try {
      const skipInvalid = values['skip-invalid'] === true;
      const imported = await importInto(
        stack,
        request.right,
        { actor: actor.right, dryRun, skipInvalid },
        io,
      );
      wroteNothing = !imported.written;
      return imported.code;
    } finally {
      await stack.close();
      if (created !== undefined && wroteNothing && !dryRun) removeUnwrittenStore(created);
    }
  },
};
