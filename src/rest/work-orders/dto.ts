import { DEFAULT_TIME_ZONE, formatWithOffset } from '../../calendar/index.js';
import {
  CATEGORIES,
  CHANNELS,
  REQUESTER_TYPES,
  SATISFACTIONS,
  STATUSES,
  URGENCIES,
  nameOf,
  type WorkOrder,
  type WorkOrderDetail,
} from '../../work-orders/index.js';

const time = (d: Date | null): string | null => (d ? formatWithOffset(d, DEFAULT_TIME_ZONE) : null);

/**
 * A work order as /api/work-orders answers it: every closed-list field twice, the Chinese name
 * people read (`status: '办理中'`) and the code programs compare (`statusCode: 'handling'`);
 * instants in China time with their offset.
 */
export function workOrderDto(o: WorkOrder) {
  return {
    id: o.id,
    number: o.number,
    region: o.region,
    requesterType: nameOf(REQUESTER_TYPES, o.requesterType),
    requesterTypeCode: o.requesterType,
    requesterName: o.requesterName,
    unitContact: o.unitContact,
    phone: o.phone,
    address: o.address,
    requestedAt: time(o.requestedAt),
    channel: nameOf(CHANNELS, o.channel),
    channelCode: o.channel,
    category: nameOf(CATEGORIES, o.category),
    categoryCode: o.category,
    content: o.content,
    urgency: nameOf(URGENCIES, o.urgency),
    urgencyCode: o.urgency,
    responsibleUnits: o.responsibleUnits,
    leadUnit: o.leadUnit,
    deadline: time(o.deadline),
    formContact: o.formContact,
    formContactPhone: o.formContactPhone,
    remarks: o.remarks,
    processInstanceId: o.processInstanceId,
    processDefinitionId: o.definitionId,
    createdBy: o.createdBy,
    createdAt: time(o.createdAt),
    updatedAt: time(o.updatedAt),
    status: nameOf(STATUSES, o.status),
    statusCode: o.status,
    currentUnit: o.currentUnit,
    handlingUnit: o.handlingUnit,
    coUnits: o.coUnits,
    dispatchedAt: time(o.dispatchedAt),
    dueAt: time(o.dueAt),
    overdue: o.overdue,
    overdueSeconds: o.overdueSeconds,
    extensionCount: o.extensionCount,
    returnCount: o.returnCount,
    returnedAt: time(o.returnedAt),
    reminderCount: o.reminderCount,
    remindedAt: time(o.remindedAt),
    supervisionCount: o.supervisionCount,
    supervisedAt: time(o.supervisedAt),
    redoCount: o.redoCount,
    redoneAt: time(o.redoneAt),
    completedAt: time(o.completedAt),
    callbackAt: time(o.callbackAt),
    satisfaction: nameOf(SATISFACTIONS, o.satisfaction),
    satisfactionCode: o.satisfaction,
    processRevision: o.processRevision,
    masked: o.masked,
  };
}

export function workOrderDetailDto(o: WorkOrderDetail) {
  return {
    ...workOrderDto(o),
    attachments: o.attachments,
    timeline: o.timeline.map((e) => ({ ...e, at: time(e.at) })),
  };
}
