import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { Queryable } from '../engine/index.js';
import { InvalidAccountFieldError, UnitExistsError, UnitNotFoundError } from './errors.js';
import * as sql from './sql/units.js';

export const UNIT_KINDS = ['office', 'department', 'township', 'commission', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit: its id is the candidate group its tasks are offered to. */
export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  /** null: the unit works for every region. */
  regionId: string | null;
  createdAt: Date;
}

export interface UnitChanges {
  name?: string;
  kind?: UnitKind;
  regionId?: string | null;
}

export class UnitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Unit[]> {
    return this.dataSource.transaction(async (tx) => ((await tx.query(sql.listUnits)) as Array<Record<string, unknown>>).map(toUnit));
  }

  get(id: string): Promise<Unit> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(sql.unitById, [id])) as Array<Record<string, unknown>>;
      if (!row) throw new UnitNotFoundError(id);
      return toUnit(row);
    });
  }

  create(unit: { id: string; name: string; kind?: UnitKind; regionId?: string | null }): Promise<Unit> {
    return this.dataSource.transaction(async (tx) => {
      if (unit.regionId) await requireRegion(tx, unit.regionId);
      const [row] = (await tx.query(sql.insertUnit, [unit.id, unit.name, unit.kind ?? 'department', unit.regionId ?? null, this.clock.now()])) as Array<Record<string, unknown>>;
      if (!row) throw new UnitExistsError(unit.id);
      return toUnit(row);
    });
  }

  update(id: string, changes: UnitChanges): Promise<Unit> {
    return this.dataSource.transaction(async (tx) => {
      if (changes.regionId) await requireRegion(tx, changes.regionId);
      const result = (await tx.query(sql.updateUnit, [id, changes.name ?? null, changes.kind ?? null, changes.regionId !== undefined, changes.regionId ?? null])) as unknown;
      const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as Array<Record<string, unknown>>) : (result as Array<Record<string, unknown>>);
      if (!rows[0]) throw new UnitNotFoundError(id);
      return toUnit(rows[0]);
    });
  }
}

async function requireRegion(tx: Queryable, regionId: string): Promise<void> {
  const [found] = (await tx.query(sql.regionExists, [regionId])) as unknown[];
  if (!found) throw new InvalidAccountFieldError('regionId', `region ${regionId} does not exist`);
}

function toUnit(r: Record<string, unknown>): Unit {
  return {
    id: String(r.id),
    name: String(r.name),
    kind: r.kind as UnitKind,
    regionId: (r.region_id as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}
