import { createReadStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext, EventStore } from '@clientele/eventstore';
import {
  createInMemoryCheckpointStore,
  systemActor,
  trustedSystemWork,
} from '@clientele/eventstore';
import type { CommandSink, CsvReadOptions, ImportReport } from '@clientele/domain';
import {
  decodeCsvText,
  createCustomerService,
  createInvoiceService,
  createLeadConversionReactor,
  createLeadService,
  createOpportunityService,
  createSalesOrganizationService,
  createTicketService,
  importHelpdeskLog,
  importMaven,
  importOlist,
  importReceivables,
} from '@clientele/domain';

/** What `clientele import` can import. */
export const IMPORT_KINDS = [
  'customers',
  'contacts',
  'leads',
  'opportunities',
  'tickets',
  'invoices',
  'payments',
  'activities',
] as const;
/** What `clientele import` can import. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Where an import writes and how it reports each command sent. */
export interface ImportSetting {
  readonly store: EventStore;
  /** The tenant customers are registered in, and its key for hashing duplicate-check keys. */
  readonly tenant: { readonly tenantId: string; readonly tenantKey: string };
  /** How to read the CSV files: their encoding, and for mapping files the delimiter. */
  readonly csv: Omit<CsvReadOptions, 'onHeader'>;
  /**
   * Who runs the import and how, put into every command's context: the operator is the actor,
   * the mapping and the file's hash say how (the mapping's own actor is replaced).
   */
  readonly operator?: Pick<CommandContext, 'actor' | 'how'> | undefined;
  /** Called after every command sent, for the progress bar and the dry run's listing. */
  readonly onCommand: (command: unknown) => void;
  /**
   * Awaited after every command, between two commands: where a group commit may commit. Left out
   * when each command commits on its own.
   */
  readonly commandDone?: (() => Promise<void>) | undefined;
}

/** A named mapping of a public data set onto commands. */
export interface DatasetImport {
  readonly name: string;
  readonly kind: ImportKind;
  /** One line for the help: which file to give and which files it reads next to it. */
  readonly describe: string;
  /** For a mapping file, the SHA-256 of its bytes, recorded with every event it imports. */
  readonly sha256?: string;
  /** The files it reads beside the one given (those that exist), to be checked first. */
  readsBeside?(file: string): readonly string[];
  run(file: string, setting: ImportSetting): Promise<E.Either<string, ImportReport>>;
}

/** A file's text as it streams in: its bytes (read as UTF-8), or decoded from the encoding named. */
const text = (file: string, setting: ImportSetting) =>
  setting.csv.encoding === undefined
    ? createReadStream(file)
    : decodeCsvText(createReadStream(file), setting.csv.encoding);

/**
 * The options every import entry point is built with: an import is trusted system work, so its
 * entry points admit only the import's system actor (see {@link importContext}).
 */
export const importEntry = { authorize: trustedSystemWork() } as const;

/**
 * The context an imported command runs in: as the system actor `clientele-import`, whose reason
 * names the operator who asked for it (or the actor the mapping gave the row), and with the
 * operator's `how` (mapping, hashes) and id (`requestedBy`).
 */
export const importContext = (
  context: CommandContext,
  operator: ImportSetting['operator'],
): CommandContext => {
  const requester = operator?.actor ?? context.actor;
  return {
    ...context,
    actor: systemActor(
      'clientele-import',
      `import requested by ${requester.id} (${requester.role})`,
    ),
    how: { ...context.how, ...operator?.how, requestedBy: requester.id },
  };
};

/**
 * Sends every command as the import's system actor on the operator's request, and tells of it:
 * the sink every mapping's commands go through.
 */
export const operatedSink = <C>(sink: CommandSink<C>, setting: ImportSetting): CommandSink<C> => ({
  handle: async (command, context) => {
    const result = await sink.handle(command, importContext(context, setting.operator));
    setting.onCommand(command);
    if (setting.commandDone !== undefined) await setting.commandDone();
    return result;
  },
});

/** The files of `names` that exist beside `file`. */
const existingBeside = (file: string, names: readonly string[]): readonly string[] =>
  names.map((name) => join(dirname(file), name)).filter((path) => existsSync(path));

/** The files a data set keeps beside the one given, or which of them is missing. */
const siblings = <K extends string>(
  file: string,
  names: Readonly<Record<K, string>>,
): E.Either<string, Record<K, string>> => {
  const found = {} as Record<K, string>;
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const path = join(dirname(file), name);
    if (!existsSync(path)) return E.left(`${name} was not found next to ${file}`);
    found[key] = path;
  }
  return E.right(found);
};

const customersOf = (setting: ImportSetting) =>
  createCustomerService(setting.store, { ...setting.tenant, ...importEntry });

/** The named mappings: one per public data set in `datasets/`. */
export const DATASET_IMPORTS: readonly DatasetImport[] = [
  {
    name: 'maven',
    kind: 'opportunities',
    describe:
      'Maven CRM sales_pipeline.csv, with sales_teams.csv, accounts.csv and products.csv beside it',
    readsBeside: (file) =>
      existingBeside(file, ['sales_teams.csv', 'accounts.csv', 'products.csv']),
    run: async (file, setting) => {
      const files = siblings(file, {
        teams: 'sales_teams.csv',
        accounts: 'accounts.csv',
        products: 'products.csv',
      });
      if (E.isLeft(files)) return files;
      const { store } = setting;
      return E.right(
        await importMaven(
          {
            pipeline: text(file, setting),
            teams: text(files.right.teams, setting),
            accounts: text(files.right.accounts, setting),
            products: text(files.right.products, setting),
          },
          {
            organization: operatedSink(createSalesOrganizationService(store, importEntry), setting),
            customers: operatedSink(customersOf(setting), setting),
            opportunities: operatedSink(createOpportunityService(store, importEntry), setting),
          },
          { tenantId: setting.tenant.tenantId },
        ),
      );
    },
  },
  {
    name: 'olist',
    kind: 'leads',
    describe:
      'Olist olist_marketing_qualified_leads_dataset.csv, with olist_closed_deals_dataset.csv beside it',
    readsBeside: (file) => existingBeside(file, ['olist_closed_deals_dataset.csv']),
    run: async (file, setting) => {
      const files = siblings(file, { deals: 'olist_closed_deals_dataset.csv' });
      if (E.isLeft(files)) return files;
      const { store } = setting;
      // What the conversion appends (customers, deals) is counted here, as the reactor's own
      // commands do not pass through the import's tally.
      const byConversion: Record<string, number> = {};
      const countEvents = <L, R extends { readonly events: readonly { readonly type: string }[] }>(
        result: E.Either<L, R>,
      ): E.Either<L, R> => {
        if (E.isRight(result))
          for (const event of result.right.events)
            byConversion[event.type] = (byConversion[event.type] ?? 0) + 1;
        return result;
      };
      const customers = customersOf(setting);
      const opportunities = createOpportunityService(store, importEntry);
      // The reactor is called for each conversion as it happens, so its checkpoint is not used.
      const conversion = createLeadConversionReactor({
        store,
        checkpoints: createInMemoryCheckpointStore(),
        customers: {
          ...customers,
          handle: async (c, x) => countEvents(await customers.handle(c, x)),
        },
        opportunities: {
          ...opportunities,
          handle: async (c, x) => countEvents(await opportunities.handle(c, x)),
        },
        defaultCurrency: 'BRL',
      });
      const report = await importOlist(
        text(file, setting),
        text(files.right.deals, setting),
        {
          leads: operatedSink(createLeadService(store, importEntry), setting),
          opportunities: operatedSink(opportunities, setting),
          store,
          convert: conversion.react,
        },
        { tenantId: setting.tenant.tenantId },
      );
      const events = { ...report.events };
      for (const [type, n] of Object.entries(byConversion)) events[type] = (events[type] ?? 0) + n;
      return E.right({ ...report, events });
    },
  },
  {
    name: 'helpdesk',
    kind: 'tickets',
    describe: 'the Italian help-desk event log, finale.csv',
    run: async (file, setting) =>
      E.right(
        await importHelpdeskLog(
          text(file, setting),
          {
            tickets: operatedSink(createTicketService(setting.store, importEntry), setting),
            store: setting.store,
          },
          { tenantId: setting.tenant.tenantId },
        ),
      ),
  },
  {
    name: 'ibm-ar',
    kind: 'invoices',
    describe: 'the IBM accounts-receivable sample, WA_Fn-UseC_-Accounts-Receivable.csv',
    run: async (file, setting) =>
      E.right(
        await importReceivables(
          text(file, setting),
          operatedSink(createInvoiceService(setting.store, importEntry), setting),
          { tenantId: setting.tenant.tenantId },
        ),
      ),
  },
];
