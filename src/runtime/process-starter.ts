import type { EngineHost, CommandOutcome } from '../engine/index.js';
import { ProcessDefinitionSuspendedError } from '../engine/index.js';
import type { DefinitionQueries, ProcessDefinitionInfo } from '../definitions/index.js';

export interface StartRequest {
  businessKey?: string | null;
  variables?: Record<string, unknown>;
  userId?: string | null;
}

export type DefinitionReference = { id: string } | { key: string; tenantId: string | null };

export interface StartedInstance {
  definition: ProcessDefinitionInfo;
  outcome: CommandOutcome;
}

/** Starts instances by definition id, or by key (latest version of the key, per tenant). */
export class ProcessStarter {
  constructor(
    private readonly host: EngineHost,
    private readonly definitions: DefinitionQueries,
  ) {}

  async start(ref: DefinitionReference, request: StartRequest): Promise<StartedInstance> {
    const definition = 'id' in ref ? await this.definitions.byId(ref.id) : await this.definitions.latestByKey(ref.key, ref.tenantId);
    if (definition.suspended) throw new ProcessDefinitionSuspendedError(definition.id);
    const outcome = await this.host.start(definition.id, request);
    return { definition, outcome };
  }
}
