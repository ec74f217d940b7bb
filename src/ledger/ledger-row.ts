import { DEFAULT_TIME_ZONE, formatWithOffset } from '../calendar/index.js';
import { CATEGORIES, SATISFACTIONS, STATUSES, nameOf } from '../work-orders/index.js';
import type { LedgerRow } from './columns.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- database rows */

/** A projection row of sql/ledger.ts as one ledger row; `seq` is its 序号, `now` decides open orders' overdue. */
export function ledgerRow(r: Record<string, any>, seq: number, now: Date): LedgerRow {
  const dueAt = date(r.due_at);
  const completedAt = date(r.completed_at);
  return {
    序号: seq,
    姓名或单位名称: r.requester_name,
    // Annex 3, note 1: only when the requester is a unit.
    单位联系人: r.requester_type === 'unit' ? (r.unit_contact ?? '') : '',
    联系方式: r.phone,
    主要诉求: r.content,
    诉求类别: nameOf(CATEGORIES, r.category) ?? '',
    政务服务部门及牵头部门: units(r),
    分办转办时间: time(date(r.dispatched_at)),
    要求办理期限: time(dueAt),
    是否催办及时间: yesWhen(Number(r.reminder_count), date(r.reminded_at)),
    是否督办及时间: yesWhen(Number(r.supervision_count), date(r.supervised_at)),
    是否退回重办及时间: yesWhen(Number(r.redo_count), date(r.redone_at)),
    实际办结时间: time(completedAt),
    办理情况: nameOf(STATUSES, r.status) ?? '',
    回访时间: time(date(r.callback_at)),
    办理结果满意度: nameOf(SATISFACTIONS, r.satisfaction ?? null) ?? '',
    备注: remarks(r, dueAt, completedAt, now),
  };
}

/** Instants as the office reads them: China wall time to the minute (`2026-11-23 09:00`). */
export function time(d: Date | null): string {
  return d ? formatWithOffset(d, DEFAULT_TIME_ZONE).slice(0, 16).replace('T', ' ') : '';
}

/**
 * The units dispatch chose (lead first); before dispatch, the form's. Annex 3, note 2: the
 * lead is marked only when several units are involved.
 */
function units(r: Record<string, any>): string {
  const lead: string | null = r.handling_unit ?? r.lead_unit ?? r.responsible_units?.[0] ?? null;
  if (lead === null) return '';
  const others: string[] = (r.handling_unit ? (r.co_units ?? []) : (r.responsible_units ?? [])).filter((u: string) => u !== lead);
  return others.length ? [`${lead}（牵头）`, ...others].join('、') : lead;
}

/** `否`, or `是 2026-11-25 10:00` with the count when it happened more than once (the latest time). */
function yesWhen(count: number, at: Date | null): string {
  if (count <= 0) return '否';
  return count === 1 ? `是 ${time(at)}` : `是（${count}次）最近 ${time(at)}`;
}

/** Annex 3, note 3: overdue or not and by how long; then extensions, returns and the order number. */
function remarks(r: Record<string, any>, dueAt: Date | null, completedAt: Date | null, now: Date): string {
  const end = completedAt ?? now;
  const late = r.status !== 'cancelled' && dueAt !== null && end.getTime() > dueAt.getTime();
  const parts = [late ? `超期 ${duration((end.getTime() - dueAt!.getTime()) / 1000)}${completedAt ? '' : '（未办结）'}` : '未超期'];
  if (Number(r.extension_count) > 0) parts.push(`延期${r.extension_count}次`);
  if (Number(r.return_count) > 0) parts.push(`退件${r.return_count}次`);
  parts.push(`工单编号 ${r.number}`);
  return parts.join('；');
}

/** `2天3小时`, `45分钟`: days, hours and minutes, zero parts left out. */
export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const text = `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m ? `${m}分钟` : ''}`;
  return text || '不足1分钟';
}

function date(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}
