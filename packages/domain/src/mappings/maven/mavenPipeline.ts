import type { Pipeline } from '../../opportunity/pipeline.js';
import { Pipeline as PipelineCodec } from '../../opportunity/pipeline.js';

/**
 * The Maven pipeline as data: the file knows only Prospecting and Engaging as open stages, then
 * Won or Lost, so the default B2B pipeline's five open stages do not fit. The probabilities are
 * the mapping's assumption (the data gives none): 10 % while prospecting, 60 % once engaging
 * (close to the data's own win rate of closed deals, 4,238 of 6,711).
 */
export const MAVEN_PIPELINE: Pipeline = (() => {
  const decoded = PipelineCodec.decode({
    pipelineId: 'maven',
    name: 'Maven CRM pipeline',
    stages: [
      {
        stageId: 'prospecting',
        name: 'Prospecting',
        probabilityBps: 1_000,
        forecastCategory: 'pipeline',
        closed: false,
        won: false,
      },
      {
        stageId: 'engaging',
        name: 'Engaging',
        probabilityBps: 6_000,
        forecastCategory: 'bestCase',
        closed: false,
        won: false,
      },
      {
        stageId: 'won',
        name: 'Won',
        probabilityBps: 10_000,
        forecastCategory: 'closed',
        closed: true,
        won: true,
      },
      {
        stageId: 'lost',
        name: 'Lost',
        probabilityBps: 0,
        forecastCategory: 'omitted',
        closed: true,
        won: false,
      },
    ],
  });
  if (decoded._tag === 'Left') throw new Error('the Maven pipeline is not a valid pipeline');
  return decoded.right;
})();
