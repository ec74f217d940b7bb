import { onTimeClosed, runScenario } from './support.js';

// 湘潭 (seed 003): level 2 — the task force assigns (5 working days), the unit signs, keeps it,
// solves it, the task force checks and calls back, closed.
await runScenario({
  region: 'xiangtan',
  form: { requesterName: '赵某', phone: '13700000000', requestedAt: '2026-11-23T08:45:00+08:00', channel: 'window', category: 'help', content: '不动产登记办不成' },
  steps: [
    { at: '2026-11-23T09:10:00+08:00', task: 'Triage', variables: { route: 'level2' } },
    { at: '2026-11-23T09:30:00+08:00', task: 'Assign', variables: { unit: 'natural-resources', difficulty: 'general' } },
    { at: '2026-11-23T10:00:00+08:00', task: 'Sign', variables: { signedBy: '赵六' } },
    { at: '2026-11-23T10:30:00+08:00', task: 'VerifyDuty', variables: { decision: 'accept' } },
    { at: '2026-11-26T10:00:00+08:00', task: 'Handle', variables: { outcome: 'resolved', reply: '已办理不动产登记' } },
    { at: '2026-11-26T15:00:00+08:00', task: 'Check', variables: { callbackResult: 'satisfied' } },
  ],
  ledger: ['1', '赵某', '', '13700000000', '不动产登记办不成', '求助', 'natural-resources', '2026-11-23 09:30', '2026-11-30 18:00', '否', '否', '否', '2026-11-26 10:00', '已办结', '2026-11-26 15:00', '满意', '未超期；工单编号 {number}'],
  figures: { ...onTimeClosed, rated: 1, satisfied: 1, satisfactionRate: 1 },
});
