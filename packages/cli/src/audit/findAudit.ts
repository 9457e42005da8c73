import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '@clientele/eventstore';
import type { ReadAccess } from '@clientele/projections';
import {
  createProjectionRunner,
  customerSearchProjection,
  customerStateAsOf,
  findCustomers,
} from '@clientele/projections';
import { refuseActor } from '../actor/commandLineActor.js';
import { ExitCode } from '../exitCodes.js';
import { formatCsv } from '../output/csv.js';
import { formatTable } from '../output/table.js';
import type { ReadSide } from '../store/openReadSide.js';
import { tenantFrom } from '../store/tenant.js';
import type { AuditRequest } from './auditRequest.js';

/**
 * A search of customers by an auditor, recorded before its answer is shown: who searched (the
 * actor in the metadata), the blind tokens searched for (so the search text itself, often a
 * person's name, is not written down in clear) and which customers it found.
 */
export const CustomersSearched = t.type({
  searchId: t.string,
  tokens: t.readonlyArray(t.string),
  found: t.readonlyArray(t.string),
});
/** A recorded search of customers. */
export type CustomersSearched = t.TypeOf<typeof CustomersSearched>;

const recordSearch = async (
  readSide: ReadSide,
  actor: Actor,
  tenantId: string,
  data: CustomersSearched,
): Promise<E.Either<string, void>> => {
  const commandId = uuidv7();
  const appended = await readSide.events.appendToStream(`CustomerSearch-${data.searchId}`, [
    {
      type: 'CustomersSearched',
      data: CustomersSearched.encode(data),
      eventId: uuidv7(),
      metadata: {
        occurredAt: new Date().toISOString(),
        actor,
        correlationId: commandId,
        causationId: null,
        commandId,
        schemaVersion: 1,
        tenantId,
      },
    },
  ]);
  return E.isLeft(appended) ? E.left(appended.left.message) : E.right(undefined);
};

/** The customer's current name, or "(erased)" once forgotten. */
const nameOf = async (readSide: ReadSide, access: ReadAccess, customerId: string) => {
  const state = await customerStateAsOf(readSide, access, customerId, {
    knownAt: new Date().toISOString(),
  });
  if (E.isLeft(state) || !('registered' in state.right)) return '';
  const name: unknown = state.right.name;
  return typeof name === 'string' ? name : '(erased)';
};

/**
 * `clientele audit find`: customers by name, email or phone through the blind index, for an
 * actor holding `Log.audit`. The search is recorded in the log before its answer is printed.
 */
export const printFindAudit = async (
  { readSide, access, format, io }: AuditRequest,
  query: string,
): Promise<ExitCode> => {
  const { tenantId, tenantKey } = tenantFrom(io.env);
  // The index is fed the decrypted log and keeps only keyed hashes: it needs the keys the
  // other read models never see, so it is caught up here, by a runner of its own.
  await createProjectionRunner({
    events: readSide.events,
    readModels: readSide.readModels,
    projections: [customerSearchProjection(tenantKey)],
  }).catchUp();
  const found = await findCustomers(readSide.readModels, access, tenantKey, query);
  if (E.isLeft(found)) return refuseActor('audit', found.left, io);
  const { matches, tokens } = found.right;
  if (tokens.length === 0) {
    io.stderr(`clientele audit: "${query}" has no word, email or phone number to search for\n`);
    return ExitCode.usage;
  }
  const recorded = await recordSearch(readSide, access.actor, tenantId, {
    searchId: uuidv7(),
    tokens,
    found: matches.map((m) => m.customerId),
  });
  if (E.isLeft(recorded)) {
    io.stderr(
      `clientele audit: the search could not be recorded, so it is not shown: ${recorded.left}\n`,
    );
    return ExitCode.failed;
  }
  const rows = await Promise.all(
    matches.map(async (m) => ({ ...m, name: await nameOf(readSide, access, m.customerId) })),
  );
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ query, customers: rows }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const header = ['customer', 'name', 'owner', 'matched on'];
  const cells = rows.map((r) => [r.customerId, r.name, r.ownerId, r.matchedOn]);
  io.stdout(
    format === 'csv'
      ? formatCsv(header, cells)
      : `${rows.length} customer${rows.length === 1 ? '' : 's'} match "${query}" (this search is recorded)\n\n${formatTable(header, cells)}\n`,
  );
  return rows.length === 0 ? ExitCode.failed : ExitCode.ok;
};
