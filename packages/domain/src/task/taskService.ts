import type { CommandAuthorizer, EventStore } from '@clientele/eventstore';
import { createCommandHandler, streamName } from '@clientele/eventstore';
import type { CommandEntry } from '../shared/commandEntry.js';
import type { TaskCommandInput } from './commands.js';
import type { TaskError } from './errors.js';
import type { TaskState } from './state.js';
import { createCommandEntry } from '../shared/commandEntry.js';
import { TaskCommand } from './commands.js';
import { taskDecider } from './decide.js';
import { TaskEvent } from './events.js';

/** The stream of an task. */
export const taskStream = (taskId: string): string => streamName('Task', taskId);

/** The Task write side as apps and importers use it. */
export interface TaskService extends CommandEntry<
  TaskEvent,
  TaskState,
  TaskError,
  TaskCommandInput
> {
  load(taskId: string): Promise<TaskState>;
}

/** Options of {@link createTaskService}. */
export interface TaskServiceOptions {
  /** Event id generator; a seeded one makes generated histories repeatable. */
  readonly newEventId?: () => string;
  /** Who may do what: checked against the loaded state before every decision. */
  readonly authorize: CommandAuthorizer<TaskCommand, TaskState>;
}

/** The typed entry point of the Task aggregate: decodes input, then handles it. */
export const createTaskService = (store: EventStore, options: TaskServiceOptions): TaskService => {
  const handler = createCommandHandler({
    store,
    newEventId: options.newEventId,
    authorize: options.authorize,
    decider: taskDecider,
    eventCodec: TaskEvent,
    streamName: (command) => taskStream(command.taskId),
  });
  return {
    ...createCommandEntry(TaskCommand, handler),
    load: async (taskId) => (await handler.load(taskStream(taskId))).state,
  };
};
