import type { CategoryCode, ChannelCode, RequesterTypeCode, SatisfactionCode, StatusCode, UrgencyCode } from './vocabulary.js';
import type { TimelineEntry } from './timeline.js';

/** A work order as stored: the registered form and the projection. */
export interface WorkOrder {
  id: string;
  number: string;
  region: string;
  requesterType: RequesterTypeCode;
  requesterName: string;
  unitContact: string | null;
  phone: string;
  address: string | null;
  requestedAt: Date;
  channel: ChannelCode;
  category: CategoryCode;
  content: string;
  urgency: UrgencyCode | null;
  responsibleUnits: string[];
  leadUnit: string | null;
  /** 完成时限 as written on the form; the live deadline is `dueAt`. */
  deadline: Date | null;
  formContact: string | null;
  formContactPhone: string | null;
  remarks: string | null;
  processInstanceId: string | null;
  definitionId: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  // The projection (projection-rules.ts).
  status: StatusCode;
  currentUnit: string | null;
  dueAt: Date | null;
  extensionCount: number;
  returnCount: number;
  returnedAt: Date | null;
  reminderCount: number;
  remindedAt: Date | null;
  supervisionCount: number;
  supervisedAt: Date | null;
  redoCount: number;
  redoneAt: Date | null;
  completedAt: Date | null;
  callbackAt: Date | null;
  satisfaction: SatisfactionCode | null;
  /** The unit dispatch chose (the lead unit when there are several); null before dispatch. */
  handlingUnit: string | null;
  /** The other units dispatch named. */
  coUnits: string[];
  /** 分办转办时间: when a task first waited on the handling unit. */
  dispatchedAt: Date | null;
  /** The process instance revision the projection was computed at. */
  processRevision: number;
  /** Past the deadline: finished late, or still open after it (at read time). */
  overdue: boolean;
  /** How long past the deadline, in seconds (0 when not overdue). */
  overdueSeconds: number;
  /** Requester name and phone were masked for the viewer (masking.ts). */
  masked: boolean;
}

export interface Attachment {
  id: string;
  storageKey: string;
  name: string;
  size: number;
  contentType: string;
}

export interface WorkOrderDetail extends WorkOrder {
  attachments: Attachment[];
  timeline: TimelineEntry[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- database rows */

export function toWorkOrder(r: Record<string, any>, now: Date): WorkOrder {
  const dueAt = date(r.due_at);
  const completedAt = date(r.completed_at);
  const end = completedAt ?? now;
  const late = r.status !== 'cancelled' && dueAt !== null && end.getTime() > dueAt.getTime();
  return {
    id: r.id,
    number: r.number,
    region: r.region,
    requesterType: r.requester_type,
    requesterName: r.requester_name,
    unitContact: r.unit_contact ?? null,
    phone: r.phone,
    address: r.address ?? null,
    requestedAt: date(r.requested_at)!,
    channel: r.channel,
    category: r.category,
    content: r.content,
    urgency: r.urgency ?? null,
    responsibleUnits: r.responsible_units ?? [],
    leadUnit: r.lead_unit ?? null,
    deadline: date(r.deadline),
    formContact: r.form_contact ?? null,
    formContactPhone: r.form_contact_phone ?? null,
    remarks: r.remarks ?? null,
    processInstanceId: r.process_instance_id ?? null,
    definitionId: r.definition_id,
    createdBy: r.created_by ?? null,
    createdAt: date(r.created_at)!,
    updatedAt: date(r.updated_at)!,
    status: r.status,
    currentUnit: r.current_unit ?? null,
    dueAt,
    extensionCount: Number(r.extension_count),
    returnCount: Number(r.return_count),
    returnedAt: date(r.returned_at),
    reminderCount: Number(r.reminder_count),
    remindedAt: date(r.reminded_at),
    supervisionCount: Number(r.supervision_count),
    supervisedAt: date(r.supervised_at),
    redoCount: Number(r.redo_count),
    redoneAt: date(r.redone_at),
    completedAt,
    callbackAt: date(r.callback_at),
    satisfaction: r.satisfaction ?? null,
    handlingUnit: r.handling_unit ?? null,
    coUnits: r.co_units ?? [],
    dispatchedAt: date(r.dispatched_at),
    processRevision: Number(r.process_revision),
    overdue: late,
    overdueSeconds: late ? Math.floor((end.getTime() - dueAt!.getTime()) / 1000) : 0,
    masked: false,
  };
}

export function toAttachment(r: Record<string, any>): Attachment {
  return { id: r.id, storageKey: r.storage_key, name: r.name, size: Number(r.size), contentType: r.content_type };
}

function date(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}
