import * as E from 'fp-ts/lib/Either.js';
import type { MappedRow, Pipeline, PipelineStage, RejectedRow } from '@clientele/domain';
import {
  DEFAULT_B2B_PIPELINE,
  OpportunityCommand,
  Pipeline as PipelineCodec,
  decodeRow,
  findStage,
} from '@clientele/domain';
import type { ColumnMapping } from '../columnMapping.js';
import type { MappedFields } from './mappedFields.js';
import type { DateReading } from './mappedDate.js';
import { readDate } from './mappedDate.js';
import { dateReading, mapFields } from './mappedFields.js';
import { mappedCommandId, mappedContext } from './mappedCommands.js';

/** One command of a deal's history: the step naming its command id, its day and its fields. */
interface Step {
  readonly step: string;
  readonly at: string;
  readonly command: Record<string, unknown>;
}

/** One row of a deal, read against what the file said before about the same deal. */
interface DealRow {
  /** The row's fields but its stage: the command fields an opening takes. */
  readonly given: Readonly<Record<string, unknown>>;
  readonly stage: PipelineStage;
  readonly at: string;
  readonly amount: unknown;
  /** The amount as a comparable key, and the key of the deal's previous amount. */
  readonly amountKey: string | undefined;
  readonly amountBefore: string | undefined;
  /** The step that closes the deal in the row's stage, if that stage is closed. */
  readonly close: Step;
}

/** The day a deal closes on (its `expectedCloseOn`, else the row's day) and when. */
interface Closing {
  readonly closeOn: string;
  readonly closeAt: string;
}

/** The row's pipeline: its `pipeline` constant, or the default B2B one. */
const pipelineOf = (given: Readonly<Record<string, unknown>>): Pipeline =>
  E.getOrElse(() => DEFAULT_B2B_PIPELINE)(PipelineCodec.decode(given['pipeline']));

/** Why a row's stage cell names no stage of its pipeline. */
const unknownStage = (pipeline: Pipeline, stageCell: unknown, lineNumber: number): RejectedRow => ({
  lineNumber,
  problems: [
    `stage: not a stage of the pipeline ${pipeline.pipelineId} (${pipeline.stages.map((s) => s.stageId).join(', ')}) nor mapped to one in values.stage, got ${JSON.stringify(stageCell)}`,
  ],
});

/** The stage a stage cell names in the pipeline, undefined if none. */
const namedStage = (pipeline: Pipeline, stageCell: unknown): PipelineStage | undefined =>
  findStage(pipeline, typeof stageCell === 'string' ? stageCell : JSON.stringify(stageCell));

/** When a deal closes: on its close date (read in the mapping's zone), else the row's moment. */
const closingOf = (
  given: Readonly<Record<string, unknown>>,
  at: string,
  zone: DateReading,
): Closing => {
  const closeOn =
    typeof given['expectedCloseOn'] === 'string' ? given['expectedCloseOn'] : at.slice(0, 10);
  const closeAt = E.getOrElse(() => at)(
    E.map((d: { instant: string }) => d.instant)(readDate(closeOn, zone)),
  );
  return { closeOn, closeAt };
};

/** The step closing a deal in a closed stage: won at the row's amount, or lost. */
const closeStep = (stage: PipelineStage, { closeOn, closeAt }: Closing, amount: unknown): Step =>
  stage.won
    ? {
        step: `won ${closeOn}`,
        at: closeAt,
        command: {
          kind: 'MarkOpportunityWon',
          wonOn: closeOn,
          ...(amount === undefined ? {} : { finalAmount: amount }),
        },
      }
    : {
        step: `lost ${closeOn}`,
        at: closeAt,
        command: { kind: 'MarkOpportunityLost', lostOn: closeOn },
      };

/** A deal's first row opens it (in its stage when open), and closes it in a closed stage. */
const openingSteps = ({ given, stage, at, close }: DealRow): readonly Step[] => {
  const open: Step = {
    step: 'open',
    at,
    command: {
      ...given,
      kind: 'OpenOpportunity',
      ...(stage.closed ? {} : { stageId: stage.stageId }),
    },
  };
  return stage.closed ? [open, close] : [open];
};

/** A new amount on a later row of an open deal changes it; a won deal is won at its row's amount. */
const amountSteps = ({ stage, at, amount, amountKey, amountBefore }: DealRow): Step[] =>
  amountKey !== undefined && amountKey !== amountBefore && !stage.closed
    ? [
        {
          step: `amount ${amountKey} ${at}`,
          at,
          command: { kind: 'ChangeOpportunityAmount', amount },
        },
      ]
    : [];

/** A later row of a deal: the same stage, a close, a reopening, or a move. */
const laterSteps = (row: DealRow, before: PipelineStage): readonly Step[] => {
  const { stage, at, close } = row;
  const changed = amountSteps(row);
  if (before.stageId === stage.stageId) return changed;
  if (stage.closed && !before.closed) return [close];
  if (before.closed) {
    const reopen: Step = {
      step: `reopen ${at}`,
      at,
      command: {
        kind: 'ReopenOpportunity',
        ...(stage.closed ? {} : { toStageId: stage.stageId }),
      },
    };
    return stage.closed ? [reopen, close] : [reopen, ...changed];
  }
  return [
    ...changed,
    {
      step: `move ${stage.stageId} ${at}`,
      at,
      command: { kind: 'MoveOpportunityStage', toStageId: stage.stageId },
    },
  ];
};

/**
 * Maps opportunity rows with a mapping file, remembering each deal's stage across the file so
 * that a file with one row per stage change becomes the deal's history:
 *
 * - the first row of a deal opens it (in its stage when that stage is open, else in the
 *   pipeline's first stage) on the row's date, then, for a won or lost stage, closes it on its
 *   close date (`expectedCloseOn`), a won deal at the row's amount;
 * - a later row in another stage moves the deal there on its date, or closes it; a later row of a
 *   closed deal in an open stage reopens it there; a later row of an open deal with another
 *   amount changes the amount first; a row with the same stage and amount adds nothing.
 *
 * The pipeline is the `pipeline` constant, or the default B2B one. Each command's id derives from
 * the deal and the step (with its stage and day), so importing the file again changes nothing.
 * Rows must come in the order things happened, as history exports list them.
 */
export const createOpportunityRows = (mapping: ColumnMapping, now: () => string) => {
  const stageOf = new Map<string, PipelineStage>();
  const amountOf = new Map<string, string>();
  const zone: DateReading = { format: 'YYYY-MM-DD', timeZone: dateReading(mapping).timeZone };

  const history = (
    { recordId, fields, date }: MappedFields,
    lineNumber: number,
  ): E.Either<RejectedRow, readonly Step[]> => {
    const { stage: stageCell, ...given } = fields;
    const pipeline = pipelineOf(given);
    const stage =
      stageCell === undefined
        ? (stageOf.get(recordId) ?? pipeline.stages[0])
        : namedStage(pipeline, stageCell);
    if (stage === undefined) return E.left(unknownStage(pipeline, stageCell, lineNumber));
    const at = date?.instant ?? now();
    const amount = given['amount'];
    const amountKey = amount === undefined ? undefined : JSON.stringify(amount);
    const amountBefore = amountOf.get(recordId);
    if (amountKey !== undefined) amountOf.set(recordId, amountKey);
    const before = stageOf.get(recordId);
    stageOf.set(recordId, stage);
    const close = closeStep(stage, closingOf(given, at, zone), amount);
    const row: DealRow = { given, stage, at, amount, amountKey, amountBefore, close };
    return E.right(before === undefined ? openingSteps(row) : laterSteps(row, before));
  };

  return {
    /** The commands one row becomes (none for a row that repeats the deal's stage), or why not. */
    mapRow: (
      values: Readonly<Record<string, string>>,
      lineNumber: number,
    ): E.Either<RejectedRow, readonly MappedRow<OpportunityCommand>[]> =>
      E.chain((mapped: MappedFields) =>
        E.chain(
          E.traverseArray(({ step, at, command }: Step) =>
            E.map((decoded: OpportunityCommand) => ({
              lineNumber,
              command: decoded,
              context: mappedContext(mappedCommandId(mapping, mapped.recordId, step), at),
            }))(
              decodeRow(
                OpportunityCommand,
                { ...command, opportunityId: mapped.recordId },
                lineNumber,
              ),
            ),
          ),
        )(history(mapped, lineNumber)),
      )(mapFields(mapping, values, lineNumber)),
  };
};
