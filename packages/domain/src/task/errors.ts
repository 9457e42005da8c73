import type { TaskStatus } from './state.js';

/** Why a task command was refused. */
export type TaskError =
  | { readonly kind: 'TaskNotFound'; readonly taskId: string }
  | { readonly kind: 'TaskAlreadyCreated'; readonly taskId: string }
  /** The command does not apply in the task's status (completing a cancelled task). */
  | {
      readonly kind: 'TaskNotInStatus';
      readonly taskId: string;
      readonly status: TaskStatus;
      readonly allowed: readonly TaskStatus[];
    };
