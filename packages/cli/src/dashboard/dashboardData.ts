import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '@clientele/eventstore';
import type { AccessLogRecorder } from '@clientele/domain';
import { authorize, noTeams, withDepartures } from '@clientele/domain';
import type { ReadAccess, ReadRefusal } from '@clientele/projections';
import type { Answer, DashboardData } from '@clientele/dashboard';
import type { ReadSide } from '../store/openReadSide.js';
import { tenantReadAccess } from '../store/caughtUpReadAccess.js';
import type { TenantAccessRules } from '../store/tenantAccessRules.js';
import { today } from '../store/tenantAccessRules.js';
import { analyticsView } from './analyticsView.js';
import { asOfInstant, customerView } from './customerView.js';
import { withCustomerNames } from './customerCells.js';
import { detectedAnomalies } from '../audit/detectedAnomalies.js';
import { drillSubjects } from './dashboardReads.js';
import { drillDown } from './drillDown.js';
import { overview } from './overview.js';
import { reportDay } from './reportDay.js';
import { teamView } from './teamView.js';

const ok = <T>(value: T): Answer<T> => ({ kind: 'ok', value });
// A read model without a build is answered as a refusal too: `serve` catches up before it listens.
const refused = (denial: ReadRefusal): Answer<never> => ({
  kind: 'refused',
  reason:
    denial.kind === 'AuthorizationDenied'
      ? `${denial.actorId} (${denial.role}) lacks ${denial.permission}: ${denial.reason}`
      : denial.message,
});
const answerOf = <T>(result: E.Either<ReadRefusal, T>): Answer<T> =>
  E.isRight(result) ? ok(result.right) : refused(result.left);

/** How long the dashboard answers with the tenant's rules it read before reading them again. */
export const RULES_REFRESH_MS = 2_000;

/**
 * The dashboard's figures from a read side: the CLI's reports and read-model queries, made as
 * the request's actor with the same role rules as `clientele report` and `clientele audit`.
 * `follow` keeps the read models up to date with the log (the projection runner follows it
 * live) and signals each batch it took in, so open pages refresh. Every answer that shows
 * customers or leads (a drill-down list, a customer's timeline) is recorded in `accessLog` as
 * the actor's read (`dashboard drill <kind>`, `dashboard customer`), ids only, off the request's
 * path. Every answer is checked against the tenant's role policy and departures as `tenantRules`
 * reads them from the log, read again at most every {@link RULES_REFRESH_MS} ms: a change of a
 * role or a departure applies to the dashboard within two seconds (its pages' own refresh),
 * without reading the log on every request.
 */
export const dashboardData = (
  readSide: ReadSide,
  progress: { onBatch: () => void },
  accessLog: AccessLogRecorder,
  tenantRules: () => Promise<TenantAccessRules>,
): DashboardData => {
  const { readModels, events } = readSide;
  let rules: { readonly at: number; readonly read: Promise<TenantAccessRules> } | undefined;
  const rulesNow = (): Promise<TenantAccessRules> => {
    const now = Date.now();
    if (rules === undefined || now - rules.at >= RULES_REFRESH_MS)
      rules = { at: now, read: tenantRules() };
    return rules.read;
  };
  const accessOf = async (actor: Actor) => {
    const day = await reportDay(readModels);
    return E.map((access: ReadAccess) => ({ day, access }))(
      await tenantReadAccess(readModels, actor, day, await rulesNow()),
    );
  };
  return {
    overview: async (actor, filters) => {
      const read = await accessOf(actor);
      if (E.isLeft(read)) return refused(read.left);
      const { day, access } = read.right;
      return ok(await overview({ readModels, events, access }, filters, day));
    },
    analytics: async (actor, filters) => {
      const read = await accessOf(actor);
      if (E.isLeft(read)) return refused(read.left);
      const { day, access } = read.right;
      return ok(await analyticsView({ readModels, events, access }, filters, day));
    },
    drill: async (actor, kind, query) => {
      const read = await accessOf(actor);
      if (E.isLeft(read)) return refused(read.left);
      const { day, access } = read.right;
      const drilled = drillDown({ readModels, access }, kind, query, day);
      if (drilled === undefined)
        return {
          kind: 'notFound',
          reason: `there is no list of ${kind}; there are deals, invoices, tickets and leads`,
        };
      const table = await drilled;
      if (E.isLeft(table)) return refused(table.left);
      accessLog.record({
        actor,
        through: `dashboard drill ${kind}`,
        subjects: drillSubjects(table.right),
      });
      return ok(await withCustomerNames({ readModels, events, access }, table.right));
    },
    customer: async (actor, customerId, asOf) => {
      const at = asOf === undefined ? undefined : asOfInstant(asOf.at);
      if (asOf !== undefined && at === undefined)
        return {
          kind: 'invalid',
          reason: `"${asOf.at}" is not a moment: give a day or a date and time`,
        };
      const read = await accessOf(actor);
      if (E.isLeft(read)) return refused(read.left);
      const { access } = read.right;
      const view = await customerView(
        { readModels, events, access },
        customerId,
        at === undefined || asOf === undefined ? undefined : { at, effective: asOf.effective },
      );
      if (
        asOf === undefined &&
        E.isRight(view) &&
        view.right.timeline.length === 0 &&
        view.right.withheld === 0
      )
        return { kind: 'notFound', reason: `no event touched customer ${customerId}` };
      if (E.isRight(view))
        accessLog.record({ actor, through: 'dashboard customer', subjects: [customerId] });
      return answerOf(view);
    },
    team: async (actor, teamId, filters) => {
      const read = await accessOf(actor);
      if (E.isLeft(read)) return refused(read.left);
      const { day, access } = read.right;
      const view = await teamView({ readModels, access }, teamId, filters, day);
      if (E.isRight(view)) return ok(view.right);
      return view.left.kind === 'notFound'
        ? { kind: 'notFound', reason: `there is no team ${teamId}` }
        : refused(view.left.denial);
    },
    anomalies: async (actor) => {
      const { policy, departures } = await rulesNow();
      const teams = withDepartures(noTeams, departures, today());
      const allowed = authorize({ policy, teams }, actor, 'Log.audit', null);
      if (E.isLeft(allowed)) return refused(allowed.left);
      return ok({ anomalies: await detectedAnomalies(events, { by: 'occurredAt' }) });
    },
    follow: async (onChange, signal) => {
      progress.onBatch = onChange;
      await readSide.runner.run(signal);
    },
  };
};
