import type { RegisteredForm } from './form.js';
import type { Projection } from './projection-rules.js';
import type { TimelineEntry } from './timeline.js';

/** A work order as stored: the registered form and the projection. */
export interface WorkOrder extends Omit<RegisteredForm, 'attachments'>, Projection {
  id: string;
  number: string;
  processInstanceId: string | null;
  definitionId: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
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
