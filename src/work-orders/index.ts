/**
 * Work orders (工单): intake from every channel with the work-order form (seed 001, annex 2),
 * a human number per region and day, the region's active process started with the number as
 * business key, and a projection (status, current unit, deadline, ledger counts) that the
 * engine host keeps in step inside each command's transaction. docs/work-orders.md.
 *
 *   const projector = new WorkOrderProjector();                  // before the host
 *   const host = new EngineHost({ …, afterCommand: (ctx, o) => projector.afterCommand(ctx, o) });
 *   const workOrders = new WorkOrderService({ dataSource, clock, host, regions, projector });
 *   const { order, created } = await workOrders.register(form, { idempotencyKey });
 *   await workOrders.list(parseListQuery(query), viewer);         // masked for the viewer's role
 *   await workOrders.get('puyang-20261123-0001', viewer);         // with the timeline
 */
export { WorkOrderService, type WorkOrderServiceOptions } from './work-order-service.js';
export { WorkOrderIntake, type IntakeOptions } from './intake.js';
export { WorkOrderQueries } from './queries.js';
export { WorkOrderProjector } from './projector.js';
export { deriveProjection, ruleFor, COMMON_RULES, PROCESS_RULES, type ActivityRule, type Mark, type Projection, type ProjectionFacts } from './projection-rules.js';
export { parseListQuery, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type WorkOrderFilter, type WorkOrderListRequest, type WorkOrderSortKey } from './list-query.js';
export { forViewer, maskName, maskPhone, seesRequester, contactCategories, VIEWER_ROLES, type Viewer, type ViewerRole } from './masking.js';
export { buildTimeline, type TimelineEntry } from './timeline.js';
export type { WorkOrder, WorkOrderDetail, Attachment } from './work-order.js';
export { IntakeSchema, AttachmentInputSchema, ListQuerySchema, IdempotencyKeySchema, InstantSchema, WORK_ORDER_SORT_KEYS, type IntakeInput, type AttachmentInput, type ListQuery } from './schemas.js';
export { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT, ATTACHMENT_MAX_TOTAL_BYTES } from './attachment-limits.js';
export * from './vocabulary.js';
export * from './errors.js';
