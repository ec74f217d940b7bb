import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { Queryable } from '../engine/index.js';
import { SqlFilter } from '../db/index.js';
import { restrictWorkOrders, workOrderVisible } from '../access/index.js';
import { WorkOrderNotFoundError } from './errors.js';
import type { WorkOrderFilter, WorkOrderListRequest, WorkOrderSortKey } from './list-query.js';
import { contactCategories, forViewer, type Viewer } from './masking.js';
import { buildTimeline, type ActivityRow, type EventRow } from './timeline.js';
import { toAttachment, toWorkOrder, type WorkOrder, type WorkOrderDetail } from './work-order.js';
import * as sql from './sql/queries.js';

const SORT_COLUMNS: Record<WorkOrderSortKey, string> = {
  number: 'w.number',
  requestedAt: 'w.requested_at',
  createdAt: 'w.created_at',
  dueAt: 'w.due_at',
  status: 'w.status',
  updatedAt: 'w.updated_at',
};

/**
 * The read side of work orders: the filtered list and one order with its timeline. Each read
 * is one REPEATABLE READ transaction, so the total agrees with the page and the timeline with
 * the order even while commands commit (and, on embedded PGlite, no statement of it can be
 * interleaved with another connection's: pglite#1046).
 */
export class WorkOrderQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(request: WorkOrderListRequest, viewer?: Viewer): Promise<{ total: number; items: WorkOrder[] }> {
    const now = this.clock.now();
    const f = this.#where(request.filter, viewer, now);
    const whereParams = [...f.params]; // page() appends LIMIT/OFFSET parameters
    const orderBy = f.orderBy([{ column: SORT_COLUMNS[request.sort.by], order: request.sort.order }], 'w.id');
    const page = f.page(request.firstResult, request.maxResults);
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [{ count }] = (await tx.query(sql.countOrders(f.clause), whereParams)) as [{ count: number }];
      const rows = (await tx.query(sql.listOrders(f.clause, orderBy, page), f.params)) as Array<Record<string, unknown>>;
      return { total: Number(count), items: rows.map((r) => forViewer(toWorkOrder(r, now), viewer)) };
    });
  }

  /** By id or by number, with attachments and the timeline; `tx`: read inside that transaction. */
  async get(reference: string, viewer?: Viewer, tx?: Queryable): Promise<WorkOrderDetail> {
    if (!tx) return this.dataSource.transaction('REPEATABLE READ', (own) => this.get(reference, viewer, own));
    const [row] = (await tx.query(sql.orderById, [reference])) as Array<Record<string, unknown>>;
    const found = row ?? ((await tx.query(sql.orderByNumber, [reference])) as Array<Record<string, unknown>>)[0];
    // Another unit's order is as absent as one that does not exist.
    if (!found || !(await workOrderVisible(tx, String(found.id), viewer?.scope))) throw new WorkOrderNotFoundError(reference);
    const order = toWorkOrder(found, this.clock.now());
    const attachments = ((await tx.query(sql.attachmentsOfOrder, [order.id])) as Array<Record<string, unknown>>).map(toAttachment);
    const timeline = order.processInstanceId ? await this.#timeline(tx, order.processInstanceId) : [];
    return forViewer({ ...order, attachments, timeline }, viewer);
  }

  #where(q: WorkOrderFilter, viewer: Viewer | undefined, now: Date): SqlFilter {
    const f = new SqlFilter()
      .eq('w.region', q.region)
      .in('w.status', q.statuses)
      .in('w.category', q.categories)
      .in('w.channel', q.channels)
      .compare('w.requested_at', '>=', q.requestedFrom)
      .compare('w.requested_at', '<', q.requestedTo);
    restrictWorkOrders(f, viewer?.scope);
    if (q.unit !== undefined) f.where('(w.current_unit = {} OR w.lead_unit = {} OR {} = ANY(w.responsible_units))', q.unit, q.unit, q.unit);
    if (q.overdue !== undefined) f.where(q.overdue ? sql.overdueCondition : `NOT ${sql.overdueCondition}`, now);
    if (q.text !== undefined) {
      const pattern = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Nobody finds an order by a requester they may not see.
      f.where(
        `(w.number ILIKE {} OR w.content ILIKE {} OR w.address ILIKE {}
          OR (w.category = ANY({}) AND (w.requester_name ILIKE {} OR w.unit_contact ILIKE {} OR w.phone ILIKE {})))`,
        pattern, pattern, pattern, contactCategories(viewer), pattern, pattern, pattern,
      );
    }
    return f;
  }

  async #timeline(tx: Queryable, instanceId: string) {
    const activityRows = (await tx.query(sql.activitiesOfInstance, [instanceId])) as Array<Record<string, any>>;
    const eventRows = (await tx.query(sql.eventsOfInstance, [instanceId])) as Array<Record<string, any>>;
    const activities: ActivityRow[] = activityRows.map((r) => ({
      seq: Number(r.seq),
      activityId: r.activity_id,
      activityName: r.activity_name,
      activityType: r.activity_type,
      executionId: r.execution_id,
      assignee: r.assignee,
      startTime: new Date(r.start_time),
      endTime: r.end_time ? new Date(r.end_time) : null,
      canceled: r.canceled === true,
    }));
    const events: EventRow[] = eventRows.map((r) => ({
      id: Number(r.id),
      type: r.event_type,
      activityId: r.activity_id,
      executionId: r.execution_id,
      userId: r.user_id,
      payload: r.payload ?? {},
      time: new Date(r.time),
    }));
    return buildTimeline(activities, events);
  }
}
