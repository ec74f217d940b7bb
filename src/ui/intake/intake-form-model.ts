/**
 * The registration form (POST /api/work-orders, IntakeSchema in src/work-orders/schemas.ts) as
 * the page holds it: every value a string while typed, checked here with the service's own
 * rules so that a form the service would refuse is never sent, then turned into the request body.
 * The closed lists come from the service's vocabulary itself, so the two never drift apart.
 */
import { CATEGORIES, CHANNELS, REQUESTER_TYPES, URGENCIES, type ChannelCode } from '../../work-orders/vocabulary.js';

export { CATEGORIES, CHANNELS, REQUESTER_TYPES, URGENCIES };

export interface IntakeDraft {
  region: string;
  channel: ChannelCode | '';
  requesterType: 'person' | 'unit';
  requesterName: string;
  unitContact: string;
  phone: string;
  address: string;
  /** datetime-local value, China time. */
  requestedAt: string;
  category: string;
  content: string;
  urgency: string;
  responsibleUnits: string[];
  leadUnit: string;
  deadline: string;
  formContact: string;
  formContactPhone: string;
  remarks: string;
}

export type FieldName = keyof IntakeDraft;
export type FieldErrors = Partial<Record<FieldName, string>>;

export function emptyDraft(region: string): IntakeDraft {
  return {
    region, channel: 'hotline', requesterType: 'person', requesterName: '', unitContact: '', phone: '', address: '',
    requestedAt: '', category: '', content: '', urgency: '', responsibleUnits: [], leadUnit: '', deadline: '',
    formContact: '', formContactPhone: '', remarks: '',
  };
}

/**
 * What each channel asks of the desk. A call or a visit is registered while it happens, so its
 * time is the registration time unless typed; a written message (网络平台, 微信, 留言板, 网站,
 * 信箱) was sent earlier, and the time limits count from when it was sent, so that time must be
 * entered. A window visitor is in front of the clerk: the clerk who received them is the form's
 * contact (工作单联系人).
 */
export interface ChannelNeeds {
  timeLabel: string;
  timeRequired: boolean;
  phoneLabel: string;
  contactRequired: boolean;
}

const CALL: ChannelNeeds = { timeLabel: '来电时间', timeRequired: false, phoneLabel: '来电号码', contactRequired: false };
const MESSAGE: ChannelNeeds = { timeLabel: '留言时间', timeRequired: true, phoneLabel: '联系电话', contactRequired: false };
const VISIT: ChannelNeeds = { timeLabel: '来访时间', timeRequired: false, phoneLabel: '联系电话', contactRequired: true };

export const CHANNEL_NEEDS: Record<ChannelCode, ChannelNeeds> = {
  hotline: CALL,
  online: MESSAGE,
  wechat: MESSAGE,
  peoplesDaily: MESSAGE,
  website: MESSAGE,
  mailbox: MESSAGE,
  window: VISIT,
  townshipWindow: VISIT,
};

/** The service's PhoneSchema: digits with the usual separators, 6 to 32 characters. */
const PHONE = /^\+?[0-9][0-9 ()\-]{4,30}$/;
const MAX: Partial<Record<FieldName, number>> = {
  requesterName: 100, unitContact: 50, address: 200, content: 5000, formContact: 50, remarks: 1000, phone: 32, formContactPhone: 32,
};

/** The field names as the form labels them, for messages that name a field. */
export const LABELS: Record<FieldName, string> = {
  region: '所属区域', channel: '受理渠道', requesterType: '反映人类型', requesterName: '姓名或单位名称', unitContact: '单位联系人',
  phone: '联系电话', address: '联系地址', requestedAt: '诉求时间', category: '诉求类别', content: '诉求主要内容', urgency: '紧急程度',
  responsibleUnits: '责任部门', leadUnit: '牵头部门', deadline: '办结时限', formContact: '工作单联系人', formContactPhone: '联系人电话', remarks: '备注',
};

/** The service's rules (schema and registerForm) checked before sending; empty when it may go. */
export function validate(d: IntakeDraft, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  const needs = d.channel ? CHANNEL_NEEDS[d.channel] : CALL;
  const required: FieldName[] = ['region', 'channel', 'requesterName', 'phone', 'category', 'content'];
  if (needs.timeRequired) required.push('requestedAt');
  if (needs.contactRequired) required.push('formContact');
  if (d.requesterType === 'unit') required.push('unitContact');
  for (const f of required) if (!String(d[f]).trim()) errors[f] = '必填';
  for (const [f, max] of Object.entries(MAX) as Array<[FieldName, number]>) {
    if (!errors[f] && String(d[f]).trim().length > max) errors[f] = `不超过 ${max} 个字`;
  }
  if (!errors.phone && !PHONE.test(d.phone.trim())) errors.phone = '请填写有效的电话号码（数字，可含 - 和空格）';
  if (d.formContactPhone.trim() && !PHONE.test(d.formContactPhone.trim())) errors.formContactPhone = '请填写有效的电话号码';
  const requested = d.requestedAt ? chinaInstant(d.requestedAt) : now;
  // The service refuses a time more than 10 minutes ahead of its clock.
  if (d.requestedAt && requested.getTime() > now.getTime() + 10 * 60_000) errors.requestedAt = '不能晚于当前时间';
  if (d.deadline && chinaInstant(d.deadline) <= requested) errors.deadline = '须晚于诉求时间';
  if (d.responsibleUnits.length > 1 && !d.leadUnit) errors.leadUnit = '多个责任部门须指定牵头部门';
  return errors;
}

/** The request body: only what was filled in (an optional field is absent, never empty). */
export function toBody(d: IntakeDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    region: d.region,
    channel: d.channel,
    requesterType: d.requesterType,
    requesterName: d.requesterName.trim(),
    phone: d.phone.trim(),
    category: d.category,
    content: d.content.trim(),
  };
  const optional = (key: FieldName, value: string) => {
    if (value.trim()) body[key] = value.trim();
  };
  if (d.requesterType === 'unit') optional('unitContact', d.unitContact);
  optional('address', d.address);
  if (d.requestedAt) body.requestedAt = isoChina(d.requestedAt);
  optional('urgency', d.urgency);
  if (d.responsibleUnits.length) body.responsibleUnits = d.responsibleUnits;
  if (d.responsibleUnits.length > 1) body.leadUnit = d.leadUnit;
  if (d.deadline) body.deadline = isoChina(d.deadline);
  optional('formContact', d.formContact);
  optional('formContactPhone', d.formContactPhone);
  optional('remarks', d.remarks);
  return body;
}

/** A datetime-local value (`2026-11-23T08:30`) read as China time, with its offset. */
export function isoChina(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

function chinaInstant(local: string): Date {
  return new Date(isoChina(local));
}

/** The field a service 400 names (`… 'phone' …`, `/phone must match …`), to mark it in the form. */
export function fieldOfServiceError(message: string): FieldName | undefined {
  const names = Object.keys(LABELS) as FieldName[];
  return names.find((n) => new RegExp(`(^|[^A-Za-z])${n}([^A-Za-z]|$)`).test(message));
}
