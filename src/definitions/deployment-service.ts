import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { parseBpmn, hashResource, BpmnParseError, type ParsedBpmn } from './bpmn/index.js';
import { InvalidDeploymentError, DeploymentNotFoundError, DeploymentInUseError } from './errors.js';
import { toDefinitionInfo, type ProcessDefinitionInfo } from './definition-row.js';
import * as sql from './sql/deployments.js';

export interface DeploymentResourceInput {
  /** The file name; Camunda names resources by file name, not by form part. */
  name: string;
  content: Buffer;
}

export interface DeployCommand {
  name: string | null;
  source: string | null;
  tenantId: string | null;
  /** Skip the deployment when nothing changed since the latest one of this name/source/tenant. */
  enableDuplicateFiltering: boolean;
  /** Deploy only the resources that changed (implies duplicate filtering). */
  deployChangedOnly: boolean;
  resources: DeploymentResourceInput[];
}

export interface DeploymentInfo {
  id: string;
  name: string | null;
  source: string | null;
  tenantId: string | null;
  deploymentTime: Date;
}

export interface DeploymentResult {
  deployment: DeploymentInfo;
  /** Null when duplicate filtering found nothing new (Camunda answers the same). */
  definitions: ProcessDefinitionInfo[] | null;
}

export interface DeploymentServiceOptions {
  dataSource: DataSource;
  clock: Clock;
  /** Checks one `${...}` text with the safe evaluator's parser; returns a message or null. */
  validateExpression: (text: string) => string | null;
  /**
   * Called inside the delete transaction with the deployment's definition ids; throws to refuse.
   * Must query through `tx` (embedded PGlite serves one transaction at a time).
   */
  beforeDelete?: (definitionIds: string[], tx: EntityManager) => Promise<void>;
  /**
   * Called inside the deploy transaction with the definitions it created, and inside the
   * delete transaction with those it removed (after removing them); what it returns runs once
   * the transaction committed. Timer start jobs follow deployments this way (src/scheduler).
   * Must query through `tx`; a throw refuses the deployment or deletion.
   */
  onDefinitionsChanged?: (change: DefinitionChange, tx: EntityManager) => Promise<(() => void) | void>;
}

export interface DefinitionChange {
  deployed: ProcessDefinitionInfo[];
  deleted: ProcessDefinitionInfo[];
}

const BPMN_SUFFIXES = ['.bpmn', '.bpmn20.xml'];

/**
 * Deploys BPMN resources. Every resource is parsed and validated before the transaction
 * opens, so a bad file stores nothing. Versions are numbered per (key, tenant) under an
 * advisory lock, so two administrators deploying the same key at once get versions n and n+1.
 */
export class DeploymentService {
  constructor(private readonly o: DeploymentServiceOptions) {}

  async deploy(cmd: DeployCommand): Promise<DeploymentResult> {
    if (cmd.resources.length === 0) throw new InvalidDeploymentError('No deployment resources contained in the form upload.');
    const parsed = new Map<string, ParsedBpmn>();
    for (const r of cmd.resources) {
      if (!r.name) throw new InvalidDeploymentError('No file name found in the deployment resource.');
      if (!isBpmn(r.name)) continue;
      const result = await parseBpmn(r.content.toString('utf8'), { resourceName: r.name, validateExpression: this.o.validateExpression });
      const executable = result.executableProcessIds;
      if (executable.length > 1) {
        throw new BpmnParseError(r.name, [
          { message: `One resource may hold one executable process; ${executable.join(', ')} are all executable. Set isExecutable="false" on all but one, or deploy them as separate files.`, elementId: executable[1] },
        ]);
      }
      parsed.set(r.name, result);
    }
    const hashes = new Map(cmd.resources.map((r) => [r.name, hashResource(r.content.toString('utf8'))]));

    // Filled inside the transaction; TypeScript cannot see a closure assign a `let`.
    const afterCommit: Array<() => void> = [];
    const result = await this.o.dataSource.transaction(async (tx): Promise<DeploymentResult> => {
      let toDeploy = cmd.resources;
      if (cmd.enableDuplicateFiltering || cmd.deployChangedOnly) {
        const latest = (await tx.query(sql.latestDeploymentResources, [cmd.name, cmd.source, cmd.tenantId])) as Array<{ id: string; name: string; sha256: string }>;
        const previous = new Map(latest.map((r) => [r.name, r.sha256]));
        const changed = cmd.resources.filter((r) => previous.get(r.name) !== hashes.get(r.name));
        if (latest.length > 0 && changed.length === 0) {
          const deployment = await this.#deployment(tx, latest[0]!.id);
          return { deployment, definitions: null };
        }
        if (cmd.deployChangedOnly) toDeploy = changed;
      }

      const now = this.o.clock.now();
      const deploymentId = randomUUID();
      await tx.query(sql.insertDeployment, [deploymentId, cmd.name, cmd.source, cmd.tenantId, now]);
      const definitions: ProcessDefinitionInfo[] = [];
      for (const r of toDeploy) {
        await tx.query(sql.insertResource, [randomUUID(), deploymentId, r.name, r.content, hashes.get(r.name)]);
        const bpmn = parsed.get(r.name);
        if (!bpmn) continue;
        for (const p of bpmn.processes.filter((p) => p.isExecutable)) {
          await tx.query(sql.lockDefinitionKey, [p.id, cmd.tenantId]);
          const [{ version }] = (await tx.query(sql.nextVersion, [p.id, cmd.tenantId])) as [{ version: number }];
          const id = `${p.id}:${version}:${randomUUID()}`;
          await tx.query(sql.insertDefinition, [
            id, p.id, version, p.name ?? null, p.versionTag ?? null, bpmn.targetNamespace, cmd.tenantId, deploymentId, r.name,
            JSON.stringify(bpmn.serializedContext), p.historyTimeToLive ?? null, p.startableInTasklist, now,
          ]);
          const [row] = (await tx.query(sql.definitionById, [id])) as [Record<string, unknown>];
          definitions.push(toDefinitionInfo(row));
        }
      }
      const after = definitions.length ? await this.o.onDefinitionsChanged?.({ deployed: definitions, deleted: [] }, tx) : undefined;
      if (after) afterCommit.push(after);
      return { deployment: { id: deploymentId, name: cmd.name, source: cmd.source, tenantId: cmd.tenantId, deploymentTime: now }, definitions };
    });
    for (const run of afterCommit) run();
    return result;
  }

  async get(deploymentId: string): Promise<DeploymentInfo> {
    return this.#deployment(this.o.dataSource.manager, deploymentId);
  }

  async definitionsOf(deploymentId: string): Promise<ProcessDefinitionInfo[]> {
    const rows = (await this.o.dataSource.query(sql.definitionsOfDeployment, [deploymentId])) as Array<Record<string, unknown>>;
    return rows.map(toDefinitionInfo);
  }

  /**
   * Deletes a deployment. Without `cascade`, running instances block it (Camunda's rule): a
   * county office must never lose work orders to a tidy-up.
   */
  async delete(deploymentId: string, options: { cascade: boolean }): Promise<void> {
    // Filled inside the transaction; TypeScript cannot see a closure assign a `let`.
    const afterCommit: Array<() => void> = [];
    await this.o.dataSource.transaction(async (tx) => {
      await this.#deployment(tx, deploymentId);
      const [{ n }] = (await tx.query(sql.instancesOfDeployment, [deploymentId])) as [{ n: number }];
      if (n > 0 && !options.cascade) throw new DeploymentInUseError(deploymentId, n);
      const definitions = ((await tx.query(sql.definitionsOfDeployment, [deploymentId])) as Array<Record<string, unknown>>).map(toDefinitionInfo);
      await this.o.beforeDelete?.(definitions.map((d) => d.id), tx);
      await tx.query(sql.deleteInstancesOfDeployment, [deploymentId]);
      await tx.query(sql.deleteDeployment, [deploymentId]);
      const after = definitions.length ? await this.o.onDefinitionsChanged?.({ deployed: [], deleted: definitions }, tx) : undefined;
      if (after) afterCommit.push(after);
    });
    for (const run of afterCommit) run();
  }

  async #deployment(m: { query: DataSource['query'] }, id: string): Promise<DeploymentInfo> {
    const [row] = (await m.query(sql.deploymentById, [id])) as Array<Record<string, unknown>>;
    if (!row) throw new DeploymentNotFoundError(id);
    return toDeploymentInfo(row);
  }
}

export function toDeploymentInfo(row: Record<string, unknown>): DeploymentInfo {
  return {
    id: row.id as string,
    name: (row.name as string | null) ?? null,
    source: (row.source as string | null) ?? null,
    tenantId: (row.tenant_id as string | null) ?? null,
    deploymentTime: new Date(row.deployment_time as string),
  };
}

function isBpmn(name: string): boolean {
  const lower = name.toLowerCase();
  return BPMN_SUFFIXES.some((s) => lower.endsWith(s));
}
