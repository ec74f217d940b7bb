import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { DefinitionNotActivatableError, NoActiveDefinitionError, NothingToRollBackError, RegionNotFoundError } from './errors.js';
import * as sql from './sql/regions.js';

export interface Activation {
  id: number;
  regionId: string;
  definitionId: string;
  definitionKey: string | null;
  definitionVersion: number | null;
  definitionName: string | null;
  previousDefinitionId: string | null;
  kind: 'activate' | 'rollback';
  activatedBy: string | null;
  reason: string | null;
  activatedAt: Date;
}

export interface Region {
  id: string;
  name: string;
  active: Activation | null;
}

export type DefinitionChoice = { definitionId: string } | { key: string; version: number };

export interface ActivateCommand {
  definition: DefinitionChoice;
  userId: string | null;
  reason?: string | null;
}

/**
 * Which process definition a region's new work orders start. Switching version or scheme is an
 * activation; running instances are untouched and finish on the version they started with. The
 * activation table is append-only, so it is at once the audit trail and the rollback path.
 */
export class RegionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async ensureRegion(id: string, name: string): Promise<void> {
    await this.dataSource.query(sql.upsertRegion, [id, name, this.clock.now()]);
  }

  async list(): Promise<Region[]> {
    // A county has a handful of regions; one query each keeps the SQL plain.
    const rows = (await this.dataSource.query(sql.listRegions)) as Array<{ id: string }>;
    return Promise.all(rows.map((r) => this.get(r.id)));
  }

  async get(regionId: string): Promise<Region> {
    const [row] = (await this.dataSource.query(sql.regionById, [regionId])) as Array<{ id: string; name: string }>;
    if (!row) throw new RegionNotFoundError(regionId);
    const [active] = (await this.dataSource.query(sql.activeOfRegion, [regionId])) as Array<Record<string, unknown>>;
    return { id: row.id, name: row.name, active: active ? toActivation(active) : null };
  }

  /** The definition a new work order of the region starts. */
  async activeDefinitionId(regionId: string): Promise<string> {
    const region = await this.get(regionId);
    if (!region.active) throw new NoActiveDefinitionError(regionId);
    return region.active.definitionId;
  }

  async history(regionId: string, page: { firstResult: number; maxResults: number | null }): Promise<Activation[]> {
    await this.get(regionId);
    const rows = (await this.dataSource.query(sql.activationsOfRegion, [regionId, page.maxResults, page.firstResult])) as Array<Record<string, unknown>>;
    return rows.map(toActivation);
  }

  async activate(regionId: string, cmd: ActivateCommand): Promise<Activation> {
    return this.dataSource.transaction(async (tx) => {
      await this.#lock(tx, regionId);
      const definitionId = await this.#resolve(tx, regionId, cmd.definition);
      return this.#append(tx, regionId, definitionId, 'activate', cmd.userId, cmd.reason ?? null);
    });
  }

  /** Returns the region to the definition that was active before the current one. */
  async rollback(regionId: string, userId: string | null, reason: string | null): Promise<Activation> {
    return this.dataSource.transaction(async (tx) => {
      await this.#lock(tx, regionId);
      const [current] = (await tx.query(sql.activeOfRegion, [regionId])) as Array<Record<string, unknown>>;
      const previous = current?.previous_definition_id as string | null | undefined;
      if (!previous) throw new NothingToRollBackError(regionId);
      const [exists] = (await tx.query(sql.definitionForRegion, [previous])) as unknown[];
      if (!exists) throw new DefinitionNotActivatableError(regionId, previous, 'its deployment was deleted');
      return this.#append(tx, regionId, previous, 'rollback', userId, reason);
    });
  }

  /** Each region's active definition (deployment deletion checks these). */
  async activeDefinitions(tx: Pick<EntityManager, 'query'> = this.dataSource): Promise<Array<{ regionId: string; definitionId: string }>> {
    const rows = (await tx.query(sql.activeDefinitionsIn)) as Array<{ region_id: string; definition_id: string }>;
    return rows.map((r) => ({ regionId: r.region_id, definitionId: r.definition_id }));
  }

  async #lock(tx: EntityManager, regionId: string): Promise<void> {
    const rows = (await tx.query(sql.lockRegion, [regionId])) as unknown[];
    if (rows.length === 0) throw new RegionNotFoundError(regionId);
  }

  async #resolve(tx: EntityManager, regionId: string, choice: DefinitionChoice): Promise<string> {
    const reference = 'definitionId' in choice ? choice.definitionId : `${choice.key} version ${choice.version}`;
    const [row] = (await ('definitionId' in choice
      ? tx.query(sql.definitionForRegion, [choice.definitionId])
      : tx.query(sql.definitionByKeyVersion, [choice.key, choice.version, regionId]))) as Array<{ id: string; tenant_id: string | null }>;
    if (!row) throw new DefinitionNotActivatableError(regionId, reference, 'no such process definition');
    if (row.tenant_id !== null && row.tenant_id !== regionId) {
      throw new DefinitionNotActivatableError(regionId, reference, `it was deployed for region '${row.tenant_id}'`);
    }
    return row.id;
  }

  async #append(tx: EntityManager, regionId: string, definitionId: string, kind: Activation['kind'], userId: string | null, reason: string | null): Promise<Activation> {
    const [current] = (await tx.query(sql.activeOfRegion, [regionId])) as Array<Record<string, unknown>>;
    const previous = kind === 'rollback' ? ((await this.#beforePrevious(tx, regionId)) ?? null) : ((current?.definition_id as string | undefined) ?? null);
    await tx.query(sql.insertActivation, [regionId, definitionId, previous, kind, userId, reason, this.clock.now()]);
    const [row] = (await tx.query(sql.activeOfRegion, [regionId])) as Array<Record<string, unknown>>;
    return toActivation(row!);
  }

  /**
   * After a rollback from B back to A, the next rollback should go to whatever was active before
   * A, not bounce back to B: the new row inherits the previous pointer of A's activation.
   */
  async #beforePrevious(tx: EntityManager, regionId: string): Promise<string | undefined> {
    const rows = (await tx.query(sql.activationsOfRegion, [regionId, 50, 0])) as Array<Record<string, unknown>>;
    const current = rows[0];
    const target = current?.previous_definition_id;
    const targetRow = rows.slice(1).find((r) => r.definition_id === target);
    return (targetRow?.previous_definition_id as string | null | undefined) ?? undefined;
  }
}

function toActivation(r: Record<string, unknown>): Activation {
  return {
    id: Number(r.id),
    regionId: r.region_id as string,
    definitionId: r.definition_id as string,
    definitionKey: (r.definition_key as string | null) ?? null,
    definitionVersion: r.definition_version === null || r.definition_version === undefined ? null : Number(r.definition_version),
    definitionName: (r.definition_name as string | null) ?? null,
    previousDefinitionId: (r.previous_definition_id as string | null) ?? null,
    kind: r.kind as Activation['kind'],
    activatedBy: (r.activated_by as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    activatedAt: new Date(r.activated_at as string),
  };
}
