import type { Context, Hono } from 'hono';
import type { Actor } from '../api/actor.js';
import type { DashboardData } from '../api/dashboardData.js';
import { errorPage } from './errorPage.js';

const STATUS = { refused: 403, notFound: 404, invalid: 400 } as const;

/**
 * The administrators' anomalies page: `GET /api/anomalies` (the list, or 403 naming the
 * permission) and `GET /anomalies`, which the server itself refuses with a 403 page to an actor
 * who may not audit the log, before any script runs.
 */
export const anomalyRoutes = (
  app: Hono<{ Variables: { actor: Actor } }>,
  data: DashboardData,
  indexPage: () => string,
): void => {
  const answer = (context: Context<{ Variables: { actor: Actor } }>) =>
    data.anomalies(context.get('actor'));
  app.get('/api/anomalies', async (context) => {
    const listed = await answer(context);
    return listed.kind === 'ok'
      ? context.json(listed.value)
      : context.json({ error: listed.kind, reason: listed.reason }, STATUS[listed.kind]);
  });
  app.get('/anomalies', async (context) => {
    const listed = await answer(context);
    if (listed.kind === 'ok') return context.html(indexPage());
    return context.html(
      errorPage(STATUS[listed.kind], 'Refused', listed.reason),
      STATUS[listed.kind],
    );
  });
};
