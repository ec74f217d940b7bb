import { onTimeClosed, runScenario } from './support.js';

// 开封 (seed 004): 分办转办 — the window classifies a general matter and forwards it with a limit
// of 3 working days, the department answers, the task force calls back, closed.
await runScenario({
  region: 'kaifeng',
  form: { requesterName: '孙某', phone: '13600000000', requestedAt: '2026-11-23T08:55:00+08:00', channel: 'window', category: 'complaint', content: '社保卡补办进度慢' },
  steps: [
    { at: '2026-11-23T09:10:00+08:00', task: 'Intake', variables: { content: '社保卡补办进度慢', mode: 'forward' } },
    { at: '2026-11-23T09:20:00+08:00', task: 'Classify', variables: { matterType: 'general' } },
    { at: '2026-11-23T09:30:00+08:00', task: 'ForwardDispatch', variables: { unit: 'social-security', limitWorkingDays: 3 } },
    { at: '2026-11-25T10:00:00+08:00', task: 'DeptTimed', variables: { reply: '已补办' } },
    { at: '2026-11-25T15:00:00+08:00', task: 'Callback', variables: { satisfied: true } },
  ],
  ledger: ['1', '孙某', '', '13600000000', '社保卡补办进度慢', '投诉', 'social-security', '2026-11-23 09:30', '2026-11-26 18:00', '否', '否', '否', '2026-11-25 10:00', '已办结', '2026-11-25 15:00', '满意', '未超期；工单编号 {number}'],
  figures: { ...onTimeClosed, rated: 1, satisfied: 1, satisfactionRate: 1 },
});
