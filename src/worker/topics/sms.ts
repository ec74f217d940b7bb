import type { Logger } from 'pino';
import { InvalidRecipientError, MissingTextError } from '../errors.js';
import { composeText, resolveRecipient, type RecipientDirectory } from '../sms/compose.js';
import type { SmsOutbox } from '../sms/sms-outbox.js';
import { REQUESTER_ROLE, resolveRequester, type RequesterDirectory } from '../sms/requester-directory.js';
import type { SmsProvider } from '../sms/sms-provider.js';
import { DEFAULT_RETRY_POLICY, reportFailure, reportIncident, type RetryPolicy } from '../retry.js';
import type { TopicHandler } from '../topic-handler.js';

export interface SmsTopicOptions {
  provider: SmsProvider;
  outbox: SmsOutbox;
  recipients: RecipientDirectory;
  /**
   * Requesters' phones by work-order number, for `recipientRole=requester`. Without it such tasks
   * raise an incident: the worker is not connected to the service's database.
   */
  requesters?: RequesterDirectory;
  logger: Logger;
  retry?: RetryPolicy;
  templates?: Readonly<Record<string, string>>;
}

/** BPMN error thrown for a recipient that cannot receive an SMS; model an error boundary event for it. */
export const SMS_INVALID_RECIPIENT = 'SMS_INVALID_RECIPIENT';

/**
 * Topic `sms`: notifications of the schemes (dispatch notice to a unit's emergency contact,
 * pre-overdue reminder, supervision, escalation). Per task:
 *  - recipientRole=requester   → the number on the work order (business key), never a variable:
 *                                requester data is kept out of the process (docs/work-orders.md)
 *  - no usable recipient       → BPMN error SMS_INVALID_RECIPIENT (e.g. a boundary "call the unit")
 *  - no text and no template   → incident (the diagram needs fixing, retrying cannot help)
 *  - record in the outbox, send unless an earlier delivery already sent it, complete
 *  - gateway failure           → retries with backoff, then an incident
 */
export function smsTopic(o: SmsTopicOptions): TopicHandler {
  return {
    topic: 'sms',
    options: { includeExtensionProperties: true },
    async handle({ task, taskService }) {
      const vars = task.variables.getAll();
      let to: string;
      let text: string;
      const template = task.extensionProperties?.template ?? (typeof vars.template === 'string' ? vars.template : null);
      const role = typeof vars.recipientRole === 'string' ? vars.recipientRole : null;
      if (role === REQUESTER_ROLE && !o.requesters) {
        return reportIncident(taskService, task, new Error('recipientRole=requester needs the work orders: start the worker with DATABASE_URL'));
      }
      try {
        to = role === REQUESTER_ROLE ? await resolveRequester(task.businessKey, o.requesters!) : await resolveRecipient(vars, o.recipients);
        text = composeText(vars.text, template, { ...vars, orderNo: vars.orderNo ?? task.businessKey }, o.templates);
      } catch (err) {
        if (err instanceof InvalidRecipientError) return taskService.handleBpmnError(task, SMS_INVALID_RECIPIENT, err.message);
        if (err instanceof MissingTextError) return reportIncident(taskService, task, err);
        throw err;
      }
      const entry = await o.outbox.reserve({
        externalTaskId: task.id,
        processInstanceId: task.processInstanceId,
        businessKey: task.businessKey,
        activityId: task.activityId,
        to,
        text,
        template,
        recipientUnit: role === REQUESTER_ROLE ? null : typeof vars.recipientUnit === 'string' ? vars.recipientUnit : null,
        recipientRole: role,
      });
      if (entry.status !== 'sent') {
        try {
          const { messageId } = await o.provider.send({ to, text, reference: task.id });
          await o.outbox.markSent(task.id, o.provider.name, messageId);
        } catch (err) {
          await o.outbox.markFailed(task.id, err instanceof Error ? err.message : String(err));
          o.logger.warn({ error: err instanceof Error ? err.message : String(err), externalTaskId: task.id, attempts: entry.attempts }, 'SMS gateway failed');
          return reportFailure(taskService, task, err, o.retry ?? DEFAULT_RETRY_POLICY);
        }
      } else {
        o.logger.info({ externalTaskId: task.id }, 'SMS already sent by an earlier delivery of this task; completing only');
      }
      await taskService.complete(task);
    },
  };
}
