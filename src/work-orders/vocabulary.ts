/**
 * The closed lists of a work order (shared/docs/schemes.md): each entry has a stable code,
 * which is what the database stores and the processes see as a variable (`channel`,
 * `category`, `urgency`), and the Chinese name people read and may also send.
 */
export interface Term<C extends string = string> {
  readonly code: C;
  readonly name: string;
}

/** 受理渠道. Xiangtan's diagram routes `channel == 'window'` to on-the-spot answers. */
export const CHANNELS = [
  { code: 'hotline', name: '12345热线电话' },
  { code: 'online', name: '12345网络平台' },
  { code: 'wechat', name: '12345微信公众号' },
  { code: 'peoplesDaily', name: '人民网领导留言板' },
  { code: 'website', name: '政府网站' },
  { code: 'mailbox', name: '县长信箱' },
  { code: 'window', name: '政务服务中心窗口' },
  { code: 'townshipWindow', name: '乡镇便民服务中心窗口' },
] as const satisfies readonly Term[];

/** 诉求类别; the codes are the ones Pingdingshan's registration form uses. */
export const CATEGORIES = [
  { code: 'consultation', name: '咨询' },
  { code: 'help', name: '求助' },
  { code: 'complaint', name: '投诉' },
  { code: 'report', name: '举报' },
  { code: 'suggestion', name: '建议' },
] as const satisfies readonly Term[];

/**
 * 紧急程度: the union of the schemes' levels (Puyang 非常紧急/紧急/一般, Huojia 特急/紧急/
 * 一般/疑难). Optional at intake: dispatch decides it in every scheme.
 */
export const URGENCIES = [
  { code: 'extraUrgent', name: '特急' },
  { code: 'veryUrgent', name: '非常紧急' },
  { code: 'urgent', name: '紧急' },
  { code: 'general', name: '一般' },
  { code: 'difficult', name: '疑难' },
] as const satisfies readonly Term[];

/** 反映人: a citizen or a unit (company, organisation); only a unit has a 单位联系人. */
export const REQUESTER_TYPES = [
  { code: 'person', name: '个人' },
  { code: 'unit', name: '单位' },
] as const satisfies readonly Term[];

/** Where the order stands, derived from where its process waits (projection-rules.ts). */
export const STATUSES = [
  { code: 'dispatching', name: '待分办' },
  { code: 'handling', name: '办理中' },
  { code: 'reviewing', name: '待审核' },
  { code: 'callback', name: '待回访' },
  { code: 'closed', name: '已办结' },
  { code: 'cancelled', name: '已撤销' },
] as const satisfies readonly Term[];

/** 办理结果满意度, as the callback recorded it. */
export const SATISFACTIONS = [
  { code: 'satisfied', name: '满意' },
  { code: 'basicallySatisfied', name: '基本满意' },
  { code: 'unsatisfied', name: '不满意' },
] as const satisfies readonly Term[];

export type ChannelCode = (typeof CHANNELS)[number]['code'];
export type CategoryCode = (typeof CATEGORIES)[number]['code'];
export type UrgencyCode = (typeof URGENCIES)[number]['code'];
export type RequesterTypeCode = (typeof REQUESTER_TYPES)[number]['code'];
export type StatusCode = (typeof STATUSES)[number]['code'];
export type SatisfactionCode = (typeof SATISFACTIONS)[number]['code'];

/** Every accepted spelling of a list: codes first, then names. */
export function spellings(terms: readonly Term[]): string[] {
  return [...terms.map((t) => t.code), ...terms.map((t) => t.name)];
}

/** The code of a code or a name; undefined when it is neither. */
export function codeOf<C extends string>(terms: readonly Term<C>[], value: string): C | undefined {
  return terms.find((t) => t.code === value || t.name === value)?.code;
}

/** The Chinese name of a stored code (the code itself if a later list dropped it). */
export function nameOf(terms: readonly Term[], code: string | null): string | null {
  if (code === null) return null;
  return terms.find((t) => t.code === code)?.name ?? code;
}
