import './style.css';
import { ApiError, getJson } from './api.js';
import { h } from './dom.js';
import { analyticsPage } from './pages/analyticsPage.js';
import { anomaliesPage } from './pages/anomaliesPage.js';
import { customerPage } from './pages/customerPage.js';
import { drillPage } from './pages/drillPage.js';
import { overviewPage } from './pages/overviewPage.js';
import { teamPage } from './pages/teamPage.js';

const main = document.getElementById('main') as HTMLElement;
const liveStatus = document.getElementById('live') as HTMLElement;

/** The page at the current address, as elements. */
const pageAt = (path: string, query: URLSearchParams): Promise<HTMLElement[]> => {
  const [, section, id] = path.split('/').map(decodeURIComponent);
  if (section === 'analytics') return analyticsPage(query);
  if (section === 'drill' && id !== undefined) return drillPage(id, query);
  if (section === 'customers' && id !== undefined) return customerPage(id, query);
  if (section === 'teams' && id !== undefined) return teamPage(id, query);
  if (section === 'anomalies') return anomaliesPage();
  return overviewPage(query);
};

const problemPage = (error: unknown): HTMLElement[] => {
  const status = error instanceof ApiError ? error.status : 0;
  const heading =
    status === 403 ? 'Refused' : status === 404 ? 'Not found' : 'Something went wrong';
  const reason = error instanceof Error ? error.message : String(error);
  return [
    h('h1', { 'data-status': String(status) }, status === 0 ? heading : `${status} — ${heading}`),
    h('p', {}, reason),
    h('p', {}, h('a', { href: '/' }, 'Back to the overview')),
  ];
};

let rendering = Promise.resolve();

/** Draws the current page; `live` redraws keep the keyboard focus where it was, by its name. */
const render = (live: boolean): Promise<void> => {
  rendering = rendering.then(async () => {
    const focused = document.activeElement?.getAttribute('name');
    const content = await pageAt(location.pathname, new URLSearchParams(location.search)).catch(
      problemPage,
    );
    main.replaceChildren(...content);
    main.setAttribute('aria-busy', 'false');
    if (live && focused !== null && focused !== undefined)
      main.querySelector<HTMLElement>(`[name="${CSS.escape(focused)}"]`)?.focus();
    if (live) liveStatus.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}`;
    document.body.dataset['renders'] = String(Number(document.body.dataset['renders'] ?? 0) + 1);
  });
  return rendering;
};

const follow = (): void => {
  const stream = new EventSource('/api/live');
  stream.addEventListener('ready', () => {
    liveStatus.textContent = 'Live';
  });
  stream.addEventListener('change', () => void render(true));
  stream.addEventListener('error', () => {
    liveStatus.textContent = 'Reconnecting…';
  });
};

const who = async (): Promise<void> => {
  const session = await getJson<{ actor: { id: string; role: string } }>('/api/session').catch(
    () => undefined,
  );
  if (session !== undefined)
    (document.getElementById('who') as HTMLElement).textContent =
      `${session.actor.id} (${session.actor.role.replace('_', ' ')})`;
};

main.setAttribute('aria-busy', 'true');
void who();
void render(false).then(follow);
