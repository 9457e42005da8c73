import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import type { ReadPermission, TeamDirectory } from '@clientele/domain';
import { authorize, builtInRoles, defaultRolePolicy } from '@clientele/domain';
import type { ReadAccess } from '../access/readAccess.js';
import { readAccess } from '../access/readAccess.js';
import { customerExports } from '../customerExport/customerExports.js';
import { exportCustomers } from '../customerExport/exportCustomers.js';
import { sha256Hex } from '../customerExport/exportFile.js';
import { loadTeamReads } from '../readModels/accountTeams/loadTeamReads.js';
import { allReadModels } from '../readModels/allReadModels.js';
import { campaignReport } from '../readModels/campaigns/campaignReport.js';
import { customerList } from '../readModels/customers/customerList.js';
import { salesPerformanceReport } from '../readModels/performance/salesPerformanceReport.js';
import { pipelineReport } from '../readModels/pipeline/pipelineReport.js';
import { receivablesReport } from '../readModels/receivables/receivablesReport.js';
import { serviceReport } from '../readModels/service/serviceReport.js';
import { customerTimeline } from '../readModels/timeline/customerTimeline.js';
import { createProjectionRunner } from '../runner/projectionRunner.js';
import type { ReadModelStore } from '../store/readModelStore.js';
import { appendHistory } from './domainHistory.js';
import {
  FIXTURE_TEAM_READS,
  FIXTURE_TEAMS,
  readAuthorizationHistory,
} from './readAuthorizationFixture.js';
import type { Read, Shown } from './readAuthorizationReads.js';
import { READS, SERVICE_OPTIONS } from './readAuthorizationReads.js';

const teams: TeamDirectory = {
  teamMembersOf: (managerId) => new Set(FIXTURE_TEAMS[managerId] ?? []),
};
/** The fixture's rules: the built-in roles over its two teams. */
const RULES = { policy: defaultRolePolicy, teams };
/** rep-ada's quote, order and contract on their customer C-ada, in log order. */
const ADA_SALES = ['Quote-Q-ada', 'SalesOrder-SO-ada', 'Contract-K-ada'];
/** The amounts of a pipeline report's rows. */
const amountsOf = E.map((rows: { amount: object }[]) => rows.map((r) => r.amount));
const as = (id: string, role: string): ReadAccess =>
  readAccess(defaultRolePolicy, teams, { id, role });
/** The access of an actor with what their deal and account teams grant, as `readAccessOn` builds it. */
const asMember = async (readModels: ReadModelStore, id: string, role: string) =>
  readAccess(defaultRolePolicy, teams, { id, role }, await loadTeamReads(readModels, id));

/**
 * The independent oracle: the command-side `authorize` applied to one record. An unowned record
 * is readable only with `any` scope, so it is asked about an owner on nobody's team.
 */
const mayRead = (actor: Actor, permission: ReadPermission, ownerId: string | null): boolean =>
  E.isRight(authorize(RULES, actor, permission, ownerId ?? 'owner-on-no-team'));

/** The second oracle: the hand-worked reads of the fixture's deal and account team members. */
const teamMayRead = (actor: Actor, record: Shown[number]): boolean =>
  record.recordId !== undefined &&
  (FIXTURE_TEAM_READS[actor.id]?.[record.permission]?.includes(record.recordId) ?? false);

/** Whether the role grants the permission at all (its own record is always within any grant). */
const granted = (actor: Actor, permission: ReadPermission): boolean =>
  E.isRight(authorize(RULES, actor, permission, actor.id));

/**
 * The read authorization suite: the same hand-worked CRM projected into the store under test,
 * then every query and report asked by actors of every role. Run on memory, SQLite and
 * PostgreSQL read-model stores, so the filters hold whatever the engine.
 */
export const describeReadAuthorization = (
  engine: string,
  open: () => Promise<ReadModelStore>,
  options: { readonly numRuns?: number } = {},
): void => {
  describe(`read authorization: ${engine}`, () => {
    let readModels: ReadModelStore;
    const events = createInMemoryEventStore();
    const catchUp = () =>
      createProjectionRunner({ events, readModels, projections: allReadModels }).catchUp();
    beforeAll(async () => {
      await appendHistory(events, readAuthorizationHistory);
      readModels = await open();
      await catchUp();
    });
    afterAll(async () => {
      await readModels.close();
    });

    it('lists a rep their own customers, a manager their team’s, and support all of them', async () => {
      const ids = async (access: ReadAccess) =>
        E.map((docs: { customerId: string }[]) => docs.map((d) => d.customerId))(
          await customerList(readModels, access),
        );
      expect(await ids(as('rep-ada', 'sales_rep'))).toEqual(E.right(['C-ada']));
      expect(await ids(as('mgr-east', 'sales_manager'))).toEqual(E.right(['C-ada', 'C-bob']));
      expect(await ids(as('agent-1', 'support_agent'))).toEqual(
        E.right(['C-ada', 'C-bob', 'C-cy', 'C-none']),
      );
    });

    it('sums a rep’s pipeline and performance over their own deals, even in their team’s row', async () => {
      const ada = as('rep-ada', 'sales_rep');
      const pipeline = await pipelineReport(readModels, ada);
      expect(amountsOf(pipeline)).toEqual(E.right([{ EUR: 1_000_00 }]));
      const byTeam = await salesPerformanceReport(readModels, ada, { groupBy: 'team' });
      expect(byTeam).toEqual(
        E.right([
          expect.objectContaining({
            group: 't-east',
            won: 1,
            wonRevenue: { EUR: 3_000_00 },
            openPipeline: { EUR: 1_000_00 },
          }),
        ]),
      );
      const managed = await pipelineReport(readModels, as('mgr-east', 'sales_manager'));
      expect(amountsOf(managed)).toEqual(E.right([{ EUR: 21_000_00 }]));
    });

    it('refuses a read the role does not grant, naming the missing permission, instead of showing no data', async () => {
      const ada = as('rep-ada', 'sales_rep');
      const denied = (permission: string) =>
        E.left(
          expect.objectContaining({ kind: 'AuthorizationDenied', permission, actorId: 'rep-ada' }),
        );
      expect(await receivablesReport(readModels, ada, { asOf: '2026-03-31' })).toEqual(
        denied('Invoice.read'),
      );
      expect(await serviceReport(readModels, ada, SERVICE_OPTIONS)).toEqual(denied('Ticket.read'));
      expect(await campaignReport(readModels, ada)).toEqual(denied('Campaign.read'));
      expect(
        await customerTimeline({ readModels, events }, as('rep-bob', 'sales_rep'), 'C-ada'),
      ).toEqual(
        E.left(
          expect.objectContaining({
            permission: 'Customer.read',
            reason: expect.stringContaining('customer C-ada belongs to rep-ada'),
          }),
        ),
      );
    });

    it('shows a rep their customer’s timeline with their own quote, order and contract, without a colleague’s deal or quote, the invoice or the ticket', async () => {
      const timeline = await customerTimeline(
        { readModels, events },
        as('rep-ada', 'sales_rep'),
        'C-ada',
      );
      expect(
        E.map((t: { entries: readonly { streamName: string }[]; withheld: number }) => ({
          streams: [...new Set(t.entries.map((e) => e.streamName))],
          withheld: t.withheld,
        }))(timeline),
      ).toEqual(
        E.right({
          streams: ['Lead-L-ada', 'Customer-C-ada', 'Opportunity-O-ada', ...ADA_SALES],
          withheld: 5,
        }),
      );
    });

    it('lets a sales engineer on a deal’s team read that deal and its customer’s timeline, and no other record', async () => {
      const dee = await asMember(readModels, 'se-dee', 'marketing');
      const pipeline = await pipelineReport(readModels, dee);
      expect(E.map((rows: { amount: object }[]) => rows.map((r) => r.amount))(pipeline)).toEqual(
        E.right([{ EUR: 300_000_00 }]),
      );
      expect(
        E.map((docs: { customerId: string }[]) => docs.map((d) => d.customerId))(
          await customerList(readModels, dee),
        ),
      ).toEqual(E.right(['C-cy']));
      const timeline = await customerTimeline({ readModels, events }, dee, 'C-cy');
      expect(
        E.map((t: { entries: readonly { streamName: string }[] }) => [
          ...new Set(t.entries.map((e) => e.streamName)),
        ])(timeline),
      ).toEqual(E.right(['Customer-C-cy', 'Opportunity-O-cy']));
      expect(await customerTimeline({ readModels, events }, dee, 'C-ada')).toSatisfy(E.isLeft);
      // Without the team place, the marketing role reads no deal at all.
      expect(await pipelineReport(readModels, as('se-dee', 'marketing'))).toSatisfy(E.isLeft);
    });

    it('lets support on a customer’s team read the customer and its deals, whoever owns them', async () => {
      const fay = await asMember(readModels, 'sponsor-fay', 'sales_rep');
      const pipeline = await pipelineReport(readModels, fay);
      expect(E.map((rows: { amount: object }[]) => rows.map((r) => r.amount))(pipeline)).toEqual(
        E.right([{ EUR: 21_000_00 }]),
      );
      const timeline = await customerTimeline({ readModels, events }, fay, 'C-ada');
      expect(
        E.map((t: { entries: readonly { streamName: string }[] }) => [
          ...new Set(t.entries.map((e) => e.streamName)),
        ])(timeline),
      ).toEqual(E.right(['Customer-C-ada', 'Opportunity-O-ada', 'Opportunity-O-bob']));
    });

    it('never shows a record outside the actor’s scope, and every denial names the permission (random actors and reads)', () =>
      fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            ...['rep-ada', 'rep-bob', 'rep-cy', 'mgr-east', 'mgr-west', 'someone'],
            ...['se-dee', 'sponsor-fay'],
          ),
          fc.constantFrom<string>(...builtInRoles, 'intern'),
          fc.constantFrom(...Object.keys(READS)),
          async (id, role, name) => {
            const actor = { id, role };
            const { permission, read } = READS[name] as { permission: ReadPermission; read: Read };
            const answer = await read(readModels, events, await asMember(readModels, id, role));
            if (E.isLeft(answer)) {
              expect(answer.left).toMatchObject({ permission, actorId: id });
              // Refused outright only when the role lacks the grant, or the one record asked for
              // (a timeline's customer) is outside the scope.
              if (!name.startsWith('timeline')) expect(granted(actor, permission)).toBe(false);
              return;
            }
            for (const record of answer.right)
              expect({
                name,
                ...record,
                visible:
                  mayRead(actor, record.permission, record.ownerId) || teamMayRead(actor, record),
              }).toEqual({
                name,
                ...record,
                visible: true,
              });
          },
        ),
        { numRuns: options.numRuns ?? 150 },
      ));

    it('records a manager’s export of their team’s customers before handing the file out, and refuses a rep', async () => {
      const context = {
        commandId: '0194a000-0000-7000-8000-00000000e001',
        occurredAt: '2026-04-01T17:00:00Z',
      };
      const refused = await exportCustomers({
        events,
        readModels,
        access: as('rep-ada', 'sales_rep'),
        exportId: 'x-rep',
        format: 'csv',
        context,
      });
      expect(refused).toEqual(
        E.left({
          kind: 'Forbidden',
          denial: expect.objectContaining({ permission: 'Customer.export' }),
        }),
      );
      const exported = await exportCustomers({
        events,
        readModels,
        access: as('mgr-east', 'sales_manager'),
        exportId: 'x-east',
        format: 'csv',
        context: { ...context, commandId: '0194a000-0000-7000-8000-00000000e002' },
      });
      if (E.isLeft(exported)) throw new Error(JSON.stringify(exported.left));
      expect(exported.right.recorded).toEqual({
        exportId: 'x-east',
        format: 'csv',
        scope: 'team',
        count: 2,
        customerIds: ['C-ada', 'C-bob'],
        contentSha256: sha256Hex(exported.right.content),
      });
      expect(exported.right.content).toContain('C-ada Ltd');
      expect(exported.right.content).not.toContain('C-cy');
      await catchUp();
      const history = async (access: ReadAccess) =>
        E.map((records: readonly { exportId: string; actor: Actor }[]) =>
          records.map((r) => `${r.exportId} by ${r.actor.id}`),
        )(await customerExports(events, access));
      expect(await history(as('mgr-east', 'sales_manager'))).toEqual(
        E.right(['x-east by mgr-east']),
      );
      expect(await history(as('aud', 'auditor'))).toEqual(E.right(['x-east by mgr-east']));
      expect(await history(as('mgr-west', 'sales_manager'))).toEqual(E.right([]));
      expect(await history(as('mkt', 'marketing'))).toEqual(
        E.left(expect.objectContaining({ permission: 'CustomerExport.read' })),
      );
      const timeline = await customerTimeline(
        { readModels, events },
        as('aud', 'auditor'),
        'C-bob',
      );
      expect(
        E.map((t: { entries: readonly { type: string; actor: Actor }[] }) =>
          t.entries.filter((e) => e.type === 'CustomersExported').map((e) => e.actor.id),
        )(timeline),
      ).toEqual(E.right(['mgr-east']));
    });
  });
};
