/** What each figure means, as docs/statistics.md defines it: shown on hover (title) next to the figure. */
export const DEFINITIONS = {
  received: '受理量：统计期内反映的诉求件数（按诉求反映时间），含已撤销',
  completionRate: '办结率 = 办结件数 ÷（受理量 − 撤销件数）；承办单位已答复（有实际办结时间）即计为办结',
  onTimeRate: '按时办结率 = 在办理期限（含批准延期）内办结的件数 ÷（受理量 − 撤销件数）；未办结的计为未按时',
  satisfactionRate: '满意率 =（满意 + 基本满意）÷ 已回访件数',
  dispatchRate: '及时转办率 = 登记后 24 小时内分办转办的件数 ÷（受理量 − 撤销件数）',
  overdue: '超期件数：已过办理期限的未撤销工单——超期后才办结的，或至今未办结且已超期的',
  overdueAverage: '平均超期时长 = 超期工单的超期时长之和 ÷ 超期件数（未办结的算到现在）',
  score: '月排名得分 = 100 ×（50 × 满意率 + 30 × 按时办结率 + 20 × 办结率）÷ 所用权重之和；尚无回访的单位不计满意率，其余权重按比例放大',
  hotWords: '高频词：包含该词的诉求件数（每件只计一次），按中文分词统计，已去除“反映、诉求、问题”等常用词',
} as const;
