import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { Actor } from '../api/actor.js';
import type { Answer, DashboardData } from '../api/dashboardData.js';
import type { DashboardFilters } from '../api/dashboardJson.js';
import { anomalyRoutes } from './anomalyRoutes.js';
import { errorPage } from './errorPage.js';
import type { LiveUpdates } from './liveUpdates.js';
import type { ActorSource } from './requestActor.js';
import { TOKEN_COOKIE, requestActor } from './requestActor.js';
import { signInPage } from './signInPage.js';

/** What {@link createDashboardApp} serves. */
export interface DashboardAppOptions extends ActorSource {
  readonly data: DashboardData;
  readonly live: LiveUpdates;
  /** The folder of the built browser app (index.html and assets/). */
  readonly appDirectory: string;
}

type Variables = { actor: Actor };

const STATUS = { refused: 403, notFound: 404, invalid: 400 } as const;

// Everything the pages load comes from this server: a page that tried to fetch from the
// network would be blocked and show it.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

const filtersOf = (context: Context): DashboardFilters => {
  const query = context.req.query();
  const pick = (name: string) =>
    query[name] === undefined || query[name] === '' ? {} : { [name]: query[name] };
  return {
    ...pick('period'),
    ...pick('from'),
    ...pick('to'),
    ...pick('by'),
    ...pick('group'),
    ...pick('owner'),
  };
};

const answerJson = <T>(context: Context, answer: Answer<T>) =>
  answer.kind === 'ok'
    ? context.json(answer.value)
    : context.json({ error: answer.kind, reason: answer.reason }, STATUS[answer.kind]);

/**
 * The dashboard's web application: the JSON API under `/api`, the live stream of changes at
 * `/api/live`, and the pages of the browser app. Every request is made as an actor (see
 * {@link requestActor}); one whose Host is not a loopback name is refused, so a web page
 * elsewhere cannot reach the dashboard through a rebound DNS name.
 */
export const createDashboardApp = (
  options: DashboardAppOptions,
): Hono<{ Variables: Variables }> => {
  const { data, live, appDirectory } = options;
  const app = new Hono<{ Variables: Variables }>();
  const indexPage = (): string => readFileSync(join(appDirectory, 'index.html'), 'utf8');
  const wantsJson = (context: Context) => context.req.path.startsWith('/api/');

  app.use('*', async (context, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) context.header(name, value);
    if (!LOOPBACK_HOST.test(context.req.header('host') ?? ''))
      return context.text('the dashboard answers only on 127.0.0.1', 421);
    await next();
  });
  app.use('/assets/*', serveStatic({ root: appDirectory }));
  app.get('/sign-in', (context) => context.html(signInPage()));
  app.post('/sign-in', async (context) => {
    // A form posted from another site must not sign the browser in as someone else.
    const origin = context.req.header('origin');
    if (origin !== undefined && new URL(origin).host !== context.req.header('host'))
      return context.html(errorPage(403, 'Refused', 'a sign-in from another site'), 403);
    const body = await context.req.parseBody();
    const token = typeof body['token'] === 'string' ? body['token'].trim() : '';
    const who =
      options.verifyToken === undefined
        ? { kind: 'unknown' as const, reason: 'this dashboard accepts no token' }
        : await options.verifyToken(token);
    if (who.kind === 'unknown')
      return context.html(errorPage(401, 'Not signed in', who.reason), 401);
    setCookie(context, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
    return context.redirect('/', 303);
  });
  app.use('*', async (context, next) => {
    const who = await requestActor(context, options);
    if (who.kind === 'unknown')
      return wantsJson(context)
        ? context.json({ error: 'unauthenticated', reason: who.reason }, 401)
        : context.html(errorPage(401, 'Not signed in', `${who.reason}. Sign in at /sign-in.`), 401);
    context.set('actor', who.actor);
    await next();
  });

  app.get('/api/session', (context) => context.json({ actor: context.get('actor') }));
  app.get('/api/overview', async (context) =>
    answerJson(context, await data.overview(context.get('actor'), filtersOf(context))),
  );
  app.get('/api/analytics', async (context) =>
    answerJson(context, await data.analytics(context.get('actor'), filtersOf(context))),
  );
  app.get('/api/drill/:kind', async (context) =>
    answerJson(
      context,
      await data.drill(context.get('actor'), context.req.param('kind'), context.req.query()),
    ),
  );
  app.get('/api/customers/:id', async (context) => {
    const at = context.req.query('asOf');
    const asOf =
      at === undefined || at === ''
        ? undefined
        : { at, effective: context.req.query('effective') === '1' };
    return answerJson(
      context,
      await data.customer(context.get('actor'), context.req.param('id'), asOf),
    );
  });
  app.get('/api/teams/:id', async (context) =>
    answerJson(
      context,
      await data.team(context.get('actor'), context.req.param('id'), filtersOf(context)),
    ),
  );
  app.get('/api/live', (context) =>
    streamSSE(context, async (stream) => {
      let sequence = 0;
      const stop = live.listen(() => {
        sequence += 1;
        void stream.writeSSE({ event: 'change', data: String(sequence), id: String(sequence) });
      });
      stream.onAbort(stop);
      await stream.writeSSE({ event: 'ready', data: '0' });
      while (!stream.aborted && !stream.closed) await stream.sleep(15_000);
      stop();
    }),
  );
  anomalyRoutes(app, data, indexPage);
  app.all('/api/*', (context) => context.json({ error: 'notFound', reason: 'no such API' }, 404));

  // A team page the actor may not read is refused by the server itself, with a 403 page.
  app.get('/teams/:id', async (context) => {
    const answer = await data.team(context.get('actor'), context.req.param('id'), {});
    if (answer.kind === 'ok') return context.html(indexPage());
    return context.html(
      errorPage(
        STATUS[answer.kind],
        answer.kind === 'refused' ? 'Refused' : 'Not found',
        answer.reason,
      ),
      STATUS[answer.kind],
    );
  });
  for (const page of ['/', '/analytics', '/drill/:kind', '/customers/:id'])
    app.get(page, (context) => context.html(indexPage()));
  app.notFound((context) =>
    context.html(errorPage(404, 'Not found', `there is no page at ${context.req.path}`), 404),
  );
  return app;
};
