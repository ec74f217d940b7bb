/**
 * What an `sms` external task asks to send, read from its variables (camunda:inputParameter
 * mappings arrive as variables too):
 *   recipientUnit + recipientRole   the schemes' form: a unit and whose phone (`unit-head`,
 *                                   `emergency-contact`, `unit-contact`), via the RecipientDirectory
 *   to                              or directly a mobile/landline number (or a unit id)
 *   text                            the message; when absent, the `template` (extension property
 *                                   or variable) filled with the variables: `{orderNo}` → orderNo
 */

import { InvalidRecipientError, MissingTextError } from '../errors.js';

/** Unit ids (承办单位) and a role → a phone number. */
export interface RecipientDirectory {
  phoneOf(unitId: string, role: string | undefined): Promise<string | undefined>;
}

/**
 * From configuration (`SMS_CONTACTS`): `{"water": "13800000001"}` (one number for every role) or
 * `{"water": {"unit-head": "139…", "emergency-contact": "138…", "default": "0393-…"}}`.
 */
export class StaticRecipientDirectory implements RecipientDirectory {
  constructor(private readonly contacts: Readonly<Record<string, string | Readonly<Record<string, string>>>>) {}

  async phoneOf(unitId: string, role: string | undefined): Promise<string | undefined> {
    if (!Object.hasOwn(this.contacts, unitId)) return undefined;
    const entry = this.contacts[unitId]!;
    if (typeof entry === 'string') return entry;
    return (role !== undefined && Object.hasOwn(entry, role) ? entry[role] : undefined) ?? entry.default;
  }
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export function isPhoneNumber(s: string): boolean {
  return MOBILE.test(s) || LANDLINE.test(s);
}

/** The phone number a task's variables point at; InvalidRecipientError when there is none. */
export async function resolveRecipient(vars: Record<string, unknown>, directory: RecipientDirectory): Promise<string> {
  const named = typeof vars.to === 'string' && vars.to.trim() !== '' ? vars.to.trim() : typeof vars.recipientUnit === 'string' ? vars.recipientUnit.trim() : '';
  if (named === '') throw new InvalidRecipientError(vars.to ?? vars.recipientUnit);
  if (isPhoneNumber(named)) return named;
  const role = typeof vars.recipientRole === 'string' ? vars.recipientRole : undefined;
  const phone = await directory.phoneOf(named, role);
  if (phone === undefined || !isPhoneNumber(phone)) throw new InvalidRecipientError(role ? `${named} (${role})` : named);
  return phone;
}

/** Message templates by name; the notices the county schemes require (dispatch, pre-overdue reminder, supervision, escalation). */
export const DEFAULT_TEMPLATES: Readonly<Record<string, string>> = {
  DISPATCH_NOTICE: '【12345】工单{orderNo}已派至您单位，请于{dueAt}前办结并答复。',
  DISPATCH: '【12345】工单{orderNo}已派至您单位，请于{dueAt}前办结并答复。',
  DUE_REMINDER: '【12345】工单{orderNo}将于{dueAt}到期，请抓紧办理。',
  SUPERVISION_NOTICE: '【12345】工单{orderNo}已超期，现予督办，请立即办理并说明原因。',
  ESCALATION_NOTICE: '【12345】工单{orderNo}已提级办理，请分管领导关注。',
  // To the requester (recipientRole=requester): no names, the number is enough for them to ask.
  EXTENSION_APPROVED: '【12345】您反映的诉求（工单{orderNo}）办理时间较长，已批准延期，将于{dueAt}前办结答复。',
  EXTENSION_REFUSED: '【12345】您反映的诉求（工单{orderNo}）正在办理，将于{dueAt}前办结答复。',
};

export function composeText(text: unknown, template: string | null, variables: Record<string, unknown>, templates = DEFAULT_TEMPLATES): string {
  if (typeof text === 'string' && text.trim() !== '') return text;
  const pattern = template === null ? undefined : templates[template];
  if (pattern === undefined) throw new MissingTextError(template);
  return pattern.replace(/\{(\w+)\}/g, (_m, name: string) => display(variables[name]));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const SMS_TIME = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function smsTime(d: Date): string {
  const p = Object.fromEntries(SMS_TIME.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.month}月${p.day}日${p.hour}:${p.minute}`;
}

function display(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  // Deadlines arrive as ISO strings (the schemes write `dueAt` so); an SMS reads 12月2日 18:00, China time.
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return smsTime(new Date(v));
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
