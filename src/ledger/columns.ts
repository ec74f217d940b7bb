/**
 * The columns of 工作台账 (seed 001 平政数〔2022〕51号, annex 3), in the annex's order and
 * spelling. Every export and the JSON rows use exactly these; docs/ledger.md says what each
 * cell holds.
 */
export const LEDGER_COLUMNS = [
  '序号',
  '姓名或单位名称',
  '单位联系人',
  '联系方式',
  '主要诉求',
  '诉求类别',
  '政务服务部门及牵头部门',
  '分办转办时间',
  '要求办理期限',
  '是否催办及时间',
  '是否督办及时间',
  '是否退回重办及时间',
  '实际办结时间',
  '办理情况',
  '回访时间',
  '办理结果满意度',
  '备注',
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** One ledger row: every cell is text (empty when the annex's column does not apply). */
export type LedgerRow = Omit<Record<LedgerColumn, string>, '序号'> & { 序号: number };
