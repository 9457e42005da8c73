import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as t from 'io-ts';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { CampaignCommand } from '../src/campaign/commands.js';
import {
  CampaignChannel,
  CampaignEvent,
  MemberKind,
  MemberResponse,
} from '../src/campaign/events.js';
import { CommissionCommand } from '../src/commission/commands.js';
import { CommissionEvent } from '../src/commission/events.js';
import { LeaverRule } from '../src/commission/plan.js';
import { InvoiceCommand } from '../src/invoice/commands.js';
import { InvoiceEvent } from '../src/invoice/events.js';
import {
  BillingContact,
  CreditPolicy,
  InvoiceLine,
  InvoiceSaleLine,
  OverpaymentHandling,
} from '../src/invoice/values.js';
import { TargetCommand } from '../src/target/commands.js';
import { TargetEvent, TargetOwnerKind } from '../src/target/events.js';
import { TicketCommand } from '../src/ticket/commands.js';
import { TicketEvent } from '../src/ticket/events.js';
import {
  CommentVisibility,
  ResolutionCode,
  TicketChannel,
  TicketPriority,
} from '../src/ticket/values.js';
import { enumerationTable, referenceTable, valueTable } from '../src/testing/codecReference.js';

const DOC = fileURLToPath(new URL('../../../docs/domain/service-and-finance.md', import.meta.url));
const START = '<!-- generated from the codecs: start -->';
const END = '<!-- generated from the codecs: end -->';

const AGGREGATES: readonly {
  readonly title: string;
  readonly stream: string;
  readonly commands: t.Mixed;
  readonly events: t.Mixed;
}[] = [
  { title: 'Ticket', stream: 'Ticket-<ticketId>', commands: TicketCommand, events: TicketEvent },
  {
    title: 'Campaign',
    stream: 'Campaign-<campaignId>',
    commands: CampaignCommand,
    events: CampaignEvent,
  },
  {
    title: 'Invoice',
    stream: 'Invoice-<invoiceId>',
    commands: InvoiceCommand,
    events: InvoiceEvent,
  },
  {
    title: 'Sales target',
    stream: 'Target-<targetId>',
    commands: TargetCommand,
    events: TargetEvent,
  },
  {
    title: 'Commission ledger',
    stream: 'Commission-<repId>',
    commands: CommissionCommand,
    events: CommissionEvent,
  },
];

const ENUMERATIONS = [
  TicketChannel,
  TicketPriority,
  CommentVisibility,
  ResolutionCode,
  CampaignChannel,
  MemberKind,
  MemberResponse,
  CreditPolicy,
  OverpaymentHandling,
  TargetOwnerKind,
  LeaverRule,
];

/** Keyof codecs listed as unions of their literal keys, the shape the enumeration table reads. */
const asUnion = (codec: t.Mixed): t.UnionType<t.Mixed[]> =>
  'keys' in codec
    ? ({
        name: codec.name,
        types: Object.keys((codec as unknown as { keys: object }).keys).map((value) => ({
          name: value,
          value,
        })),
      } as unknown as t.UnionType<t.Mixed[]>)
    : (codec as t.UnionType<t.Mixed[]>);

const reference = (): string =>
  [
    `### Enumerations\n\n${enumerationTable(ENUMERATIONS.map(asUnion))}`,
    `### Value types\n\n${valueTable([InvoiceLine, InvoiceSaleLine, BillingContact])}`,
    ...AGGREGATES.map(({ title, stream, commands, events }) =>
      [
        `### ${title}`,
        '',
        `Stream: \`${stream}\`.`,
        '',
        '#### Commands',
        '',
        referenceTable(commands as t.UnionType<t.Mixed[]>, 'command'),
        '',
        '#### Events',
        '',
        referenceTable(events as t.UnionType<t.Mixed[]>, 'event'),
      ].join('\n'),
    ),
  ].join('\n\n');

describe('docs/domain/service-and-finance.md', () => {
  it('lists every command and event with the fields their codecs define', async () => {
    const doc = readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(START);
    const after = rest?.split(END)[1];
    expect(before !== undefined && after !== undefined, `markers ${START} / ${END} missing`).toBe(
      true,
    );
    const expected = await format(`${before}${START}\n\n${reference()}\n\n${END}${after}`, {
      ...(await resolveConfig(DOC)),
      parser: 'markdown',
    });
    // Regenerate with: UPDATE_DOCS=1 npx vitest run packages/domain/test/serviceAndFinanceDocs.test.ts
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(doc).toBe(expected);
  });
});
