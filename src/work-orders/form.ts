import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_TOTAL_BYTES } from './attachment-limits.js';
import { InvalidWorkOrderError } from './errors.js';
import type { AttachmentInput, IntakeInput } from './schemas.js';
import {
  CATEGORIES,
  CHANNELS,
  REQUESTER_TYPES,
  URGENCIES,
  codeOf,
  type CategoryCode,
  type ChannelCode,
  type RequesterTypeCode,
  type Term,
  type UrgencyCode,
} from './vocabulary.js';

/** The form as stored: codes instead of spellings, instants instead of strings. */
export interface RegisteredForm {
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
  deadline: Date | null;
  formContact: string | null;
  formContactPhone: string | null;
  remarks: string | null;
  attachments: AttachmentInput[];
}

/** A request time this far ahead of the service clock is a typing error, not clock skew. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/**
 * The form's own rules, past what the schema checks (seed 001, annex 3 notes): a unit contact
 * only for a unit; with several responsible units one of them is the lead unit.
 */
export function registerForm(input: IntakeInput, now: Date): RegisteredForm {
  const requesterType = required('requesterType', REQUESTER_TYPES, input.requesterType ?? 'person');
  if (input.unitContact !== undefined && requesterType !== 'unit') {
    throw new InvalidWorkOrderError('unitContact', '单位联系人 applies only when the requester is a unit (requesterType unit)');
  }
  const requestedAt = input.requestedAt === undefined ? now : instant('requestedAt', input.requestedAt);
  if (requestedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new InvalidWorkOrderError('requestedAt', 'lies in the future');
  const deadline = input.deadline === undefined ? null : instant('deadline', input.deadline);
  if (deadline && deadline <= requestedAt) throw new InvalidWorkOrderError('deadline', 'must be after the time of request');
  const { responsibleUnits, leadUnit } = units(input.responsibleUnits ?? [], input.leadUnit);
  const attachments = input.attachments ?? [];
  const total = attachments.reduce((sum, a) => sum + a.size, 0);
  if (total > ATTACHMENT_MAX_TOTAL_BYTES) throw new InvalidWorkOrderError('attachments', `together ${total} bytes, more than ${ATTACHMENT_MAX_TOTAL_BYTES}`);
  return {
    region: input.region,
    requesterType,
    requesterName: text('requesterName', input.requesterName)!,
    unitContact: text('unitContact', input.unitContact),
    phone: input.phone.trim(),
    address: text('address', input.address),
    requestedAt,
    channel: required('channel', CHANNELS, input.channel),
    category: required('category', CATEGORIES, input.category),
    content: text('content', input.content)!,
    urgency: input.urgency === undefined ? null : required('urgency', URGENCIES, input.urgency),
    responsibleUnits,
    leadUnit,
    deadline,
    formContact: text('formContact', input.formContact),
    formContactPhone: input.formContactPhone?.trim() ?? null,
    remarks: input.remarks?.trim() || null,
    attachments,
  };
}

/**
 * What the process sees as start variables: what diagrams route and write messages on. The
 * requester's name, phone and address stay on the order, where masking applies; process
 * variables are readable by anyone with /engine-rest access.
 */
export function processVariables(form: RegisteredForm, number: string): Record<string, unknown> {
  const vars: Record<string, unknown> = {
    orderNo: number,
    channel: form.channel,
    category: form.category,
    content: form.content,
    requestedAt: form.requestedAt,
  };
  if (form.urgency) vars.urgency = form.urgency;
  // `unit` is the candidate group of the handling tasks in every scheme; `coUnits` the others.
  const unit = form.leadUnit ?? form.responsibleUnits[0];
  if (unit) vars.unit = unit;
  const others = form.responsibleUnits.filter((u) => u !== unit);
  if (others.length) vars.coUnits = others.join(',');
  return vars;
}

/** Fingerprint of a request, to tell a replay from a different form under the same key. */
export function requestHash(input: IntakeInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

function units(list: string[], lead: string | undefined): { responsibleUnits: string[]; leadUnit: string | null } {
  const responsibleUnits = lead !== undefined && list.length === 0 ? [lead] : list;
  if (lead !== undefined && !responsibleUnits.includes(lead)) {
    throw new InvalidWorkOrderError('leadUnit', `'${lead}' is not one of the responsible units`);
  }
  if (responsibleUnits.length > 1 && lead === undefined) {
    throw new InvalidWorkOrderError('leadUnit', 'several responsible units need a lead unit (牵头部门)');
  }
  // A lead unit is named only among several (annex 3, note 2).
  return { responsibleUnits, leadUnit: responsibleUnits.length > 1 ? lead! : null };
}

function required<C extends string>(field: string, terms: readonly Term<C>[], value: string): C {
  const code = codeOf(terms, value);
  if (!code) throw new InvalidWorkOrderError(field, `'${value}' is not one of ${terms.map((t) => `${t.code} (${t.name})`).join(', ')}`);
  return code;
}

function text(field: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (!trimmed) throw new InvalidWorkOrderError(field, 'is blank');
  return trimmed;
}

function instant(field: string, value: string): Date {
  const d = new Date(value);
  // The schema checked the shape; this catches times and dates that do not exist (2026-02-30).
  if (Number.isNaN(d.getTime()) || !existingDay(value)) throw new InvalidWorkOrderError(field, `'${value}' is not a valid date-time`);
  return d;
}

function existingDay(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
