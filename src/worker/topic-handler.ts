import type { SubscribeOptions, Task, TaskService } from 'camunda-external-task-client-js';

/** One topic the worker serves: its subscription options and what to do with each task. */
export interface TopicHandler {
  topic: string;
  options?: SubscribeOptions;
  /** Must end every task with complete, handleFailure or handleBpmnError; a throw is reported as a failure. */
  handle(args: { task: Task; taskService: TaskService }): Promise<void>;
}
