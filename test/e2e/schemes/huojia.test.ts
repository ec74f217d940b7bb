import { onTimeClosed, runScenario } from './support.js';

// 获嘉 (seed 002): dispatch (一般, 3 natural days) → sign within the hour → report a day early →
// pre-review → report to the city platform (worker) → closed. The city platform calls back, so
// the ledger has no callback time or satisfaction of the county's own.
await runScenario({
  region: 'huojia',
  form: { requesterName: '李某', phone: '13900000000', requestedAt: '2026-11-23T08:40:00+08:00', channel: 'online', category: 'help', content: '楼道灯损坏' },
  steps: [
    { at: '2026-11-23T09:30:00+08:00', task: 'Dispatch', variables: { unit: 'housing-bureau', urgency: 'general', escalate: false } },
    { at: '2026-11-23T10:00:00+08:00', task: 'SignOrReturn', variables: { decision: 'sign' } },
    {
      at: '2026-11-25T10:00:00+08:00',
      task: 'Handle',
      variables: { outcome: 'reported', contactWithRequester: '已电话联系', handlingResult: '已维修', followUpMeasures: '一周后回访', handlerSignature: '张三', sectionHeadSignature: '李四', unitHeadSignature: '王五', photos: 'att-1' },
    },
    { at: '2026-11-25T11:00:00+08:00', task: 'PreReview', variables: { reviewOk: true } },
    { at: '2026-11-25T12:00:00+08:00', external: 'ReportToCity' },
  ],
  ledger: ['1', '李某', '', '13900000000', '楼道灯损坏', '求助', 'housing-bureau', '2026-11-23 09:30', '2026-11-26 18:00', '否', '否', '否', '2026-11-25 10:00', '已办结', '', '', '未超期；工单编号 {number}'],
  figures: { ...onTimeClosed, rated: 0, satisfactionRate: null },
});
