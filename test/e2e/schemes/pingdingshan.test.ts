import { onTimeClosed, runScenario } from './support.js';

// 平顶山 (seed 001): 一窗受理 → 研判 很难办 → 分办转办 (5 working days) → 限时办理 → 质检 → 回访 → 清零销号.
await runScenario({
  region: 'pingdingshan',
  form: { requesterName: '王某', phone: '13800000000', requestedAt: '2026-11-23T08:50:00+08:00', channel: 'window', category: 'complaint', content: '营业执照变更窗口不给办理' },
  steps: [
    { at: '2026-11-23T09:05:00+08:00', task: 'Register', variables: { requesterName: '王某', phone: '13800000000', requestedAt: '2026-11-23T08:50:00+08:00', category: 'complaint', content: '营业执照变更窗口不给办理' } },
    { at: '2026-11-23T09:10:00+08:00', task: 'Triage', variables: { triage: 'hardToDo' } },
    { at: '2026-11-23T09:30:00+08:00', task: 'Dispatch', variables: { unit: 'market-bureau', crossLevel: false } },
    { at: '2026-11-26T10:00:00+08:00', task: 'UnitHandle', variables: { outcome: 'done', reply: '已办理变更' } },
    { at: '2026-11-26T11:00:00+08:00', task: 'QualityCheck', variables: { qualityOk: true } },
    { at: '2026-11-26T15:00:00+08:00', task: 'Callback', variables: { satisfied: true, representative: false } },
  ],
  ledger: ['1', '王某', '', '13800000000', '营业执照变更窗口不给办理', '投诉', 'market-bureau', '2026-11-23 09:30', '2026-11-30 18:00', '否', '否', '否', '2026-11-26 10:00', '已办结', '2026-11-26 15:00', '满意', '未超期；工单编号 {number}'],
  figures: { ...onTimeClosed, rated: 1, satisfied: 1, satisfactionRate: 1 },
});
