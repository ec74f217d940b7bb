/** /api/work-orders answers as the console reads them (src/rest/work-orders/dto.ts). */

export interface WorkOrder {
  id: string;
  number: string;
  region: string;
  requesterType: string;
  requesterName: string;
  unitContact: string | null;
  phone: string;
  address: string | null;
  requestedAt: string;
  channel: string;
  channelCode: string;
  category: string;
  categoryCode: string;
  content: string;
  urgency: string | null;
  responsibleUnits: string[];
  leadUnit: string | null;
  deadline: string | null;
  remarks: string | null;
  processInstanceId: string | null;
  processDefinitionId: string;
  createdAt: string;
  status: string;
  statusCode: string;
  currentUnit: string | null;
  handlingUnit: string | null;
  coUnits: string[];
  dispatchedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  overdueSeconds: number;
  extensionCount: number;
  returnCount: number;
  reminderCount: number;
  supervisionCount: number;
  redoCount: number;
  completedAt: string | null;
  callbackAt: string | null;
  satisfaction: string | null;
  masked: boolean;
}

export interface Attachment {
  id: string;
  storageKey: string;
  name: string;
  size: number;
  contentType: string;
}

export interface TimelineEntry {
  at: string;
  type: string;
  what: string;
  who: string | null;
  activityId: string | null;
  activityName: string | null;
  details: Record<string, unknown>;
}

export interface WorkOrderDetail extends WorkOrder {
  attachments: Attachment[];
  timeline: TimelineEntry[];
}

export interface WorkOrderPage {
  total: number;
  firstResult: number;
  maxResults: number;
  items: WorkOrder[];
}

export interface Notification {
  id: string | null;
  externalTaskId: string;
  activityName: string | null;
  state: 'queued' | 'sending' | 'sent' | 'retrying' | 'incident' | 'failed';
  template: string | null;
  recipient: string | null;
  recipientUnit: string | null;
  recipientRole: string | null;
  text: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const STATUS_OPTIONS = [
  ['dispatching', '待分办'],
  ['handling', '办理中'],
  ['reviewing', '待审核'],
  ['callback', '待回访'],
  ['closed', '已办结'],
  ['cancelled', '已撤销'],
] as const;

export const CATEGORY_OPTIONS = [
  ['consultation', '咨询'],
  ['help', '求助'],
  ['complaint', '投诉'],
  ['report', '举报'],
  ['suggestion', '建议'],
] as const;

export const CHANNEL_OPTIONS = [
  ['hotline', '12345热线电话'],
  ['online', '12345网络平台'],
  ['wechat', '12345微信公众号'],
  ['peoplesDaily', '人民网领导留言板'],
  ['website', '政府网站'],
  ['mailbox', '县长信箱'],
  ['window', '政务服务中心窗口'],
  ['townshipWindow', '乡镇便民服务中心窗口'],
] as const;
