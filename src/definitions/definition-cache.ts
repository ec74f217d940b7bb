import type { DataSource } from 'typeorm';
import type { DefinitionProvider, DefinitionRecord, Queryable } from '../engine/index.js';
import { ProcessDefinitionNotFoundError } from '../engine/index.js';
import * as sql from './sql/deployments.js';

export interface DefinitionCacheOptions {
  dataSource: DataSource;
  /** Turns the stored JSON into the object engines run (EngineFactory.loadSourceContext). */
  load: (serializedContext: string) => unknown;
  /** Definitions kept deserialized; a county runs a handful of versions at a time. */
  maxEntries?: number;
}

/**
 * Deserialized definitions by id. A definition version never changes once deployed, so an
 * entry never goes stale; it only leaves when the cache is full (least recently used first)
 * or its deployment is deleted. Concurrent misses for one id share one load.
 */
export class DefinitionCache implements DefinitionProvider {
  readonly #entries = new Map<string, Promise<DefinitionRecord>>();
  readonly #max: number;

  constructor(private readonly o: DefinitionCacheOptions) {
    this.#max = o.maxEntries ?? 200;
  }

  get(definitionId: string, tx?: Queryable): Promise<DefinitionRecord> {
    const hit = this.#entries.get(definitionId);
    if (hit) {
      this.#entries.delete(definitionId);
      this.#entries.set(definitionId, hit);
      return hit;
    }
    const loading = this.#load(definitionId, tx ?? this.o.dataSource);
    this.#entries.set(definitionId, loading);
    loading.catch(() => this.#entries.delete(definitionId));
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return loading;
  }

  forget(definitionIds: string[]): void {
    for (const id of definitionIds) this.#entries.delete(id);
  }

  async #load(id: string, db: Queryable): Promise<DefinitionRecord> {
    const [row] = (await db.query(sql.sourceContextById, [id])) as Array<Record<string, unknown>>;
    if (!row) throw new ProcessDefinitionNotFoundError(`with id '${id}'`);
    return {
      id,
      key: row.key as string,
      version: Number(row.version),
      name: (row.name as string | null) ?? null,
      tenantId: (row.tenant_id as string | null) ?? null,
      sourceContext: this.o.load(row.source_context as string),
    };
  }
}
