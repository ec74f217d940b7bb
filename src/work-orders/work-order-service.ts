import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { EngineHost } from '../engine/index.js';
import type { RegionService } from '../regions/index.js';
import { WorkOrderIntake, type IntakeOptions } from './intake.js';
import type { WorkOrderListRequest } from './list-query.js';
import type { Viewer } from './masking.js';
import type { WorkOrderProjector } from './projector.js';
import { WorkOrderQueries } from './queries.js';
import type { IntakeInput } from './schemas.js';
import type { WorkOrder, WorkOrderDetail } from './work-order.js';

export interface WorkOrderServiceOptions {
  dataSource: DataSource;
  clock: Clock;
  host: EngineHost;
  regions: RegionService;
  /** The projector the engine host's `afterCommand` calls (built before the host). */
  projector: WorkOrderProjector;
}

/** What routes use: register an order, list orders, read one with its timeline. */
export class WorkOrderService {
  readonly intake: WorkOrderIntake;
  readonly queries: WorkOrderQueries;

  constructor(o: WorkOrderServiceOptions) {
    this.queries = new WorkOrderQueries(o.dataSource, o.clock);
    this.intake = new WorkOrderIntake({ ...o, queries: this.queries });
  }

  /** Registers (or, for a replayed Idempotency-Key, finds) the order and reads it back. */
  async register(input: IntakeInput, options: IntakeOptions = {}, viewer?: Viewer): Promise<{ order: WorkOrderDetail; created: boolean }> {
    return this.intake.register(input, options, viewer);
  }

  list(request: WorkOrderListRequest, viewer?: Viewer): Promise<{ total: number; items: WorkOrder[] }> {
    return this.queries.list(request, viewer);
  }

  get(reference: string, viewer?: Viewer): Promise<WorkOrderDetail> {
    return this.queries.get(reference, viewer);
  }
}
