import { Variables } from 'camunda-external-task-client-js';
import type { Integration } from '../integrations.js';
import type { RetryPolicy } from '../retry.js';
import type { TopicHandler } from '../topic-handler.js';
import { pick, sendAndComplete } from './outbound.js';

/**
 * Topic `transfer` (湘潭 `Transfer`): hands an order that is not a "办不成事" matter over to the
 * 12345 hotline, the petition bureau or the judicial organs (`target` input parameter), and keeps
 * the receiver's receipt as `transferReceipt`.
 */
export function transferTopic(o: { channel: Integration; retry?: RetryPolicy }): TopicHandler {
  return {
    topic: 'transfer',
    options: { includeExtensionProperties: true },
    handle: (args) =>
      sendAndComplete(args, o.channel, pick(args.task, ['target', 'orderNo', 'channel', 'content', 'requester']), (r) => new Variables().set('transferReceipt', r.receipt), o.retry),
  };
}
