import { DEFAULT_TIME_ZONE, formatWithOffset } from '../calendar/index.js';
import { ledgerDuration } from '../ledger/index.js';
import type { WeeklyReport } from './weekly-report.js';

/** The report as Markdown, in the order of its JSON (and of seed 000's three published figures). */
export function renderWeeklyReport(r: WeeklyReport): string {
  const h = r.handling;
  const lines = [
    `# ${r.region ? `${r.region} ` : ''}${r.title}`,
    '',
    `统计周期：${r.week.from} 至 ${r.week.to}（按诉求反映时间）　生成时间：${formatWithOffset(r.generatedAt, DEFAULT_TIME_ZONE).slice(0, 16).replace('T', ' ')}`,
    '',
    '## 一、受理情况',
    '',
    `本周共受理诉求 ${r.intake.received} 件${h.cancelled ? `（其中撤销 ${h.cancelled} 件）` : ''}。`,
    '',
    `- 按受理渠道：${list(r.intake.byChannel.map((c) => `${c.name} ${c.count} 件`))}`,
    `- 按诉求类别：${list(r.intake.byCategory.map((c) => `${c.name} ${c.count} 件`))}`,
    '',
    '## 二、办理情况',
    '',
    `- 分办转办 ${h.dispatched} 件，及时转办 ${h.dispatchedOnTime} 件，及时转办率 ${pct(h.dispatchRate)}`,
    `- 办结 ${h.completed} 件，办结率 ${pct(h.completionRate)}；按时办结 ${h.completedOnTime} 件，按时办结率 ${pct(h.onTimeRate)}`,
    `- 超期 ${h.overdue} 件${h.overdue ? `，累计超期 ${ledgerDuration(h.overdueSeconds)}，平均 ${ledgerDuration(h.overdueAverageSeconds ?? 0)}` : ''}`,
    `- 退件 ${h.returns} 次，延期 ${h.extensions} 次，退回重办 ${h.redos} 次`,
    '',
    '## 三、回访情况',
    '',
    `回访 ${r.callback.rated} 件，满意（含基本满意）${r.callback.satisfied} 件，不满意 ${r.callback.unsatisfied} 件，满意率 ${pct(r.callback.satisfactionRate)}。`,
    '',
    '## 四、未办结率、不满意率靠前单位',
    '',
    `- 未办结率：${list(r.attention.unfinished.map((u) => `${u.unit} ${pct(u.rate)}（未办结 ${u.open} 件）`))}`,
    `- 不满意率：${list(r.attention.unsatisfied.map((u) => `${u.unit} ${pct(u.rate)}（不满意 ${u.unsatisfied} 件）`))}`,
    '',
    '## 五、热点问题',
    '',
    `- 诉求类别：${list(r.hotTopics.categories.map((c) => `${c.name} ${c.count} 件`))}`,
    `- 高频词：${list(r.hotTopics.words.map((w) => `${w.word}（${w.orders} 件）`))}`,
    '',
    '## 六、督办问责提示',
    '',
    ...(r.accountability.length
      ? r.accountability.map((a) => `- ${a.unit ?? '未分办'}：${a.reasons.map((x) => (x === 'consecutive' ? `连续逾期 ${a.longestRun} 件` : `累计逾期 ${a.overdue} 件`)).join('，')}，单位主要领导应在县政府常务会议上专题汇报（${a.overdueOrders.join('、')}）`)
      : ['无连续三次或累计五次逾期的承办单位。']),
    '',
  ];
  return lines.join('\n');
}

function pct(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(2)}%`;
}

function list(items: string[]): string {
  return items.length ? items.join('，') : '无';
}
