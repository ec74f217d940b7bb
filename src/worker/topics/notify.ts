import type { Integration } from '../integrations.js';
import type { RetryPolicy } from '../retry.js';
import type { TopicHandler } from '../topic-handler.js';
import { pick, sendAndComplete } from './outbound.js';

/**
 * Topic `notify` (平顶山 `NotifyUnits`): delivers the work order (工作单) to the lead unit and
 * the co-handling units (`leadUnit`, `coUnits`, `dueAt` input parameters) through the county's
 * document or OA system.
 */
export function notifyTopic(o: { delivery: Integration; retry?: RetryPolicy }): TopicHandler {
  return {
    topic: 'notify',
    options: { includeExtensionProperties: true },
    handle: (args) => sendAndComplete(args, o.delivery, pick(args.task, ['leadUnit', 'coUnits', 'dueAt', 'orderNo', 'content']), () => undefined, o.retry),
  };
}
