import { Variables } from 'camunda-external-task-client-js';
import type { Integration } from '../integrations.js';
import type { RetryPolicy } from '../retry.js';
import type { TopicHandler } from '../topic-handler.js';
import { pick, sendAndComplete } from './outbound.js';

/**
 * Topic `city-platform` (获嘉 `ReportToCity`): reports a handled order back to the city 12345
 * platform — its number there (`cityOrderNo`), the reply and the handling unit. The platform may
 * demand the order be redone: its answer `{ "redo": true }` completes the task with
 * `cityRedo = true`, which the scheme's gateway routes to a supervision SMS and a redo.
 */
export function cityPlatformTopic(o: { platform: Integration; retry?: RetryPolicy }): TopicHandler {
  return {
    topic: 'city-platform',
    options: { includeExtensionProperties: true },
    handle: (args) =>
      sendAndComplete(
        args,
        o.platform,
        pick(args.task, ['cityOrderNo', 'orderNo', 'unit', 'reply', 'contactResult', 'measures', 'followUp', 'dueAt']),
        (r) => new Variables().set('cityReceipt', r.receipt).set('cityRedo', r.data.redo === true),
        o.retry,
      ),
  };
}
