import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { Principal } from '../access/index.js';
import * as sql from './sql/audit.js';

export interface AuditEntry {
  principal: Principal;
  /** `POST /engine-rest/deployment/create`: method and route pattern. */
  action: string;
  method: string;
  path: string;
  status: number;
  details?: Record<string, unknown>;
}

/**
 * Who changed what. The domain tables record their own actor where they have one (task
 * assignee and completion in history, the order's creator, region activations); this log
 * covers every successful write request, including those without (deployments, calendar edits,
 * user administration).
 */
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(e: AuditEntry): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(sql.insertAuditEvent, [this.clock.now(), e.principal.id, e.principal.username, e.action, e.method, e.path, e.status, JSON.stringify(e.details ?? {})]);
    });
  }
}
