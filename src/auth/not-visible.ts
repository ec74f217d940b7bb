import { ProcessInstanceNotFoundError, TaskNotFoundError } from '../engine/index.js';
import { HistoricInstanceNotFoundError } from '../runtime/index.js';
import { ExternalTaskNotFoundError } from '../external-tasks/index.js';
import type { GuardedResource } from '../access/index.js';

/**
 * The error a route throws for an id that does not exist, so a resource the user may not see
 * is answered exactly like one that is not there (same status, type and message).
 */
export function notVisible(kind: GuardedResource, route: string, id: string): Error {
  switch (kind) {
    case 'task':
      return new TaskNotFoundError(id);
    case 'externalTask':
      return new ExternalTaskNotFoundError(id);
    case 'activity':
      return new HistoricInstanceNotFoundError('activity instance', id);
    case 'instance':
      return route.includes('/history/') ? new HistoricInstanceNotFoundError('process instance', id) : new ProcessInstanceNotFoundError(id);
  }
}
