import type { DataSource } from 'typeorm';
import type { CommandContext, EngineHost, InstanceRecord } from '../engine/index.js';
import { MessageStartNotWaitingError } from './errors.js';
import * as sql from './sql/message-starts.js';

/** A message start event of a definition's latest version that takes a message name. */
export interface MessageStart {
  definitionId: string;
  key: string;
  tenantId: string | null;
  activityId: string;
}

export interface MessageStartRequest {
  businessKey?: string;
  processVariables?: Record<string, unknown>;
  userId?: string | null;
}

export interface StartedByMessage {
  instance: InstanceRecord;
  activityId: string;
  ended: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the serialized moddle context is untyped JSON */

/**
 * Message start events (Camunda's message start event subscriptions): the latest version of
 * each key whose top-level start event waits for the message can be started by it. bpmn-
 * elements arms every start event when an instance starts, so starting by message is one
 * start command that signals the message start event's wait (and discards other start
 * events still waiting, e.g. a timer start): the instance and its start are one transaction.
 */
export class MessageStartEvents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly host: EngineHost,
  ) {}

  async find(messageName: string, tenant: { tenantId?: string; withoutTenantId?: boolean }): Promise<MessageStart[]> {
    const rows = (await this.dataSource.query(sql.latestWithMessageStarts, [tenant.tenantId ?? null, tenant.withoutTenantId === true])) as Array<{
      id: string;
      key: string;
      tenant_id: string | null;
      source_context: string;
    }>;
    const result: MessageStart[] = [];
    for (const r of rows) {
      for (const activityId of messageStartEvents(JSON.parse(r.source_context), messageName)) {
        result.push({ definitionId: r.id, key: r.key, tenantId: r.tenant_id, activityId });
      }
    }
    return result;
  }

  async start(match: MessageStart, messageName: string, req: MessageStartRequest): Promise<StartedByMessage> {
    let instance: InstanceRecord | undefined;
    const outcome = await this.host.start(match.definitionId, {
      businessKey: req.businessKey ?? null,
      variables: req.processVariables ?? {},
      userId: req.userId ?? null,
      command: (ctx) => {
        instance = ctx.instance;
        signalStart(ctx, match.activityId, messageName, req);
      },
    });
    return { instance: instance!, activityId: match.activityId, ended: outcome.state !== 'ACTIVE' };
  }
}

function signalStart(ctx: CommandContext, activityId: string, messageName: string, req: MessageStartRequest): void {
  const wait = [...ctx.tracker.waits.values()].find((w) => w.activityId === activityId && w.kind === 'message');
  if (!wait) throw new MessageStartNotWaitingError(ctx.definition.id, activityId);
  ctx.record({ type: 'message.correlated', activityId, executionId: wait.executionId, payload: { messageName, variables: Object.keys(req.processVariables ?? {}), startEvent: true } });
  wait.api.signal();
  for (const api of ctx.execution.getPostponed()) {
    if (api.type === 'bpmn:StartEvent' && api.id !== activityId) api.discard();
  }
}

/** Top-level start events of the context that wait for a message of this name (or message id). */
function messageStartEvents(context: any, messageName: string): string[] {
  const processIds = new Set<string>((context?.processes ?? []).map((p: any) => p.id));
  const ids: string[] = [];
  for (const a of context?.activities ?? []) {
    if (a?.type !== 'bpmn:StartEvent' || a.parent?.type !== 'bpmn:Process' || !processIds.has(a.parent.id)) continue;
    const takes = (a.behaviour?.eventDefinitions ?? []).some(
      (ed: any) => ed?.type === 'bpmn:MessageEventDefinition' && (ed.behaviour?.messageRef?.name ?? ed.behaviour?.messageRef?.id) === messageName,
    );
    if (takes) ids.push(a.id);
  }
  return ids;
}
