import { onTimeClosed, runScenario } from './support.js';

// 濮阳 (seed 000): register → dispatch (一般, 5 working days) → reply → callback → closed.
await runScenario({
  region: 'puyang',
  form: { requesterName: '张三', phone: '13812345678', requestedAt: '2026-11-23T08:30:00+08:00', channel: 'hotline', category: 'complaint', content: '小区门口下水道堵塞' },
  steps: [
    { at: '2026-11-23T09:30:00+08:00', task: 'Dispatch', variables: { urgency: 'general', emergency: false, multiUnit: false, unit: 'water-bureau' } },
    { at: '2026-11-24T10:00:00+08:00', task: 'Handle', variables: { outcome: 'replied', reply: '已疏通' } },
    { at: '2026-11-24T15:00:00+08:00', task: 'Callback', variables: { satisfaction: 'satisfied', redo: false } },
  ],
  ledger: ['1', '张三', '', '13812345678', '小区门口下水道堵塞', '投诉', 'water-bureau', '2026-11-23 09:30', '2026-11-30 18:00', '否', '否', '否', '2026-11-24 10:00', '已办结', '2026-11-24 15:00', '满意', '未超期；工单编号 {number}'],
  figures: { ...onTimeClosed, rated: 1, satisfied: 1, satisfactionRate: 1 },
});
