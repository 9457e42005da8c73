import * as t from 'io-ts';
import type { BasisPoints } from '../shared/basisPoints.js';
import { FractionBps } from '../shared/basisPoints.js';
import { NonEmptyText } from '../shared/contact.js';

/** How a stage counts in the forecast. */
export const ForecastCategory = t.union(
  [
    t.literal('pipeline'),
    t.literal('bestCase'),
    t.literal('commit'),
    t.literal('closed'),
    t.literal('omitted'),
  ],
  'ForecastCategory',
);
/** How a stage counts in the forecast. */
export type ForecastCategory = t.TypeOf<typeof ForecastCategory>;

/** One stage of a pipeline, with its default probability and forecast category. */
export const PipelineStage = t.type(
  {
    stageId: NonEmptyText,
    name: NonEmptyText,
    probabilityBps: FractionBps,
    forecastCategory: ForecastCategory,
    closed: t.boolean,
    won: t.boolean,
  },
  'PipelineStage',
);
/** One stage of a pipeline. */
export type PipelineStage = t.TypeOf<typeof PipelineStage>;

const PipelineShape = t.type({
  pipelineId: NonEmptyText,
  name: NonEmptyText,
  stages: t.readonlyArray(PipelineStage),
});

const isWellFormed = (pipeline: t.TypeOf<typeof PipelineShape>): boolean => {
  const ids = pipeline.stages.map((stage) => stage.stageId);
  return (
    new Set(ids).size === ids.length &&
    pipeline.stages.some((stage) => !stage.closed) &&
    pipeline.stages.filter((stage) => stage.closed && stage.won).length === 1 &&
    pipeline.stages.some((stage) => stage.closed && !stage.won) &&
    pipeline.stages.every((stage) => stage.closed || !stage.won)
  );
};

/**
 * A sales pipeline as data: ordered stages, exactly one closed-won stage, at least one closed-lost
 * stage and at least one open stage, with unique stage ids. Tenants define their own; an
 * opportunity records the pipeline it was opened in, so later edits never rewrite its history.
 */
export const Pipeline = t.refinement(
  PipelineShape,
  isWellFormed,
  'Pipeline (unique stage ids; an open stage; one won and at least one lost closed stage)',
);
/** A sales pipeline. */
export type Pipeline = t.TypeOf<typeof Pipeline>;

/** An open stage; the closed ones spread it and say whether they are won. */
const stage = (
  stageId: string,
  name: string,
  probabilityBps: number,
  forecastCategory: ForecastCategory,
): PipelineStage => ({
  stageId,
  name,
  probabilityBps: probabilityBps as BasisPoints,
  forecastCategory,
  closed: false,
  won: false,
});

/** The pipeline Clientele ships: the usual B2B stages from prospecting to closed won or lost. */
export const DEFAULT_B2B_PIPELINE: Pipeline = {
  pipelineId: 'b2b',
  name: 'B2B sales',
  stages: [
    stage('prospecting', 'Prospecting', 1_000, 'pipeline'),
    stage('qualification', 'Qualification', 2_000, 'pipeline'),
    stage('needsAnalysis', 'Needs analysis', 4_000, 'bestCase'),
    stage('proposal', 'Proposal', 6_000, 'bestCase'),
    stage('negotiation', 'Negotiation', 8_000, 'commit'),
    { ...stage('closedWon', 'Closed won', 10_000, 'closed'), closed: true, won: true },
    { ...stage('closedLost', 'Closed lost', 0, 'omitted'), closed: true, won: false },
  ],
};

/** A stage of the pipeline by id. */
export const findStage = (pipeline: Pipeline, stageId: string): PipelineStage | undefined =>
  pipeline.stages.find((candidate) => candidate.stageId === stageId);

/** The pipeline's closed-won stage. */
export const wonStage = (pipeline: Pipeline): PipelineStage =>
  pipeline.stages.find((candidate) => candidate.closed && candidate.won) as PipelineStage;

/** The pipeline's first closed-lost stage. */
export const lostStage = (pipeline: Pipeline): PipelineStage =>
  pipeline.stages.find((candidate) => candidate.closed && !candidate.won) as PipelineStage;
