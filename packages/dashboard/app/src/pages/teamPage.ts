import type { TeamView } from '../../../src/api/dashboardJson.js';
import { getJson } from '../api.js';
import { chartFigure } from '../charts.js';
import { h } from '../dom.js';
import { filtersForm } from '../filtersForm.js';
import { kpiCards } from '../kpiCards.js';

/** A team's page: its figures and its reps', for those allowed to read them. */
export const teamPage = async (teamId: string, query: URLSearchParams): Promise<HTMLElement[]> => {
  const team = await getJson<TeamView>(`/api/teams/${encodeURIComponent(teamId)}?${query}`);
  return [
    h('h1', {}, `Team ${team.teamId}`),
    filtersForm(query),
    kpiCards(team.kpis),
    h('div', { class: 'charts' }, ...team.charts.map(chartFigure)),
  ];
};
