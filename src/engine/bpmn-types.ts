/**
 * The slice of bpmn-engine / bpmn-elements objects this service touches. Their shipped type
 * declarations are loose (`any` almost everywhere), so we name what we rely on here once and
 * keep `any` out of the rest of the module.
 */
export interface ActivityBehaviour {
  [key: string]: unknown;
  type?: string;
  topic?: string;
  assignee?: string;
  candidateUsers?: string;
  candidateGroups?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  priority?: string;
  taskPriority?: string;
  documentation?: Array<{ text?: string }>;
  extensionElements?: { values?: Array<{ $type: string; [key: string]: unknown }> };
  eventDefinitions?: Array<{ type: string; behaviour?: Record<string, unknown> }>;
  messageRef?: { id: string; name?: string };
}

export interface ActivityOwner {
  id: string;
  type: string;
  name?: string;
  behaviour: ActivityBehaviour;
  parent?: { id: string; type: string };
  isSubProcess?: boolean;
  environment: BpmnEnvironment;
  broker: BpmnBroker;
}

export interface BpmnEnvironment {
  variables: Record<string, unknown>;
  assignVariables(vars: Record<string, unknown>): void;
  resolveExpression(expression: string, message?: unknown): unknown;
}

export interface BpmnBroker {
  publish(exchange: string, routingKey: string, content: unknown, options?: unknown): void;
  subscribeTmp(
    exchange: string,
    pattern: string,
    handler: (routingKey: string, message: BpmnMessage) => void,
    options?: Record<string, unknown>,
  ): unknown;
  cancel(consumerTag: string): void;
}

export interface BpmnMessage {
  fields: { routingKey: string; redelivered?: boolean };
  content: Record<string, unknown> & { executionId?: string; id?: string; output?: unknown; input?: unknown };
  properties: Record<string, unknown>;
}

/** The `api` object every engine event carries (bpmn-elements `Api`). */
export interface ElementApi {
  id: string;
  type: string;
  name?: string;
  executionId: string;
  content: BpmnMessage['content'] & { isRootScope?: boolean; parent?: { id: string; executionId: string } };
  fields: BpmnMessage['fields'];
  owner: ActivityOwner;
  environment: BpmnEnvironment;
  signal(message?: unknown, options?: unknown): void;
  sendApiMessage(action: string, content?: unknown, options?: unknown): void;
  discard(): void;
  resolveExpression(expression: string): unknown;
}

/** What `engine.execute()` / `engine.resume()` return. */
export interface BpmnExecution {
  state: string;
  stopped: boolean;
  activityStatus: string;
  getPostponed(): ElementApi[];
  signal(message: unknown): unknown;
  getActivityById(id: string): ActivityOwner | undefined;
}
