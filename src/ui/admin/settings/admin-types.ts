/** Shapes of /api/units and /api/users answers (src/rest/admin), and the roles in Chinese. */
import type { Role } from '../../shared/session.js';

export type UnitKind = 'office' | 'department' | 'township' | 'commission' | 'other';

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  regionId: string | null;
  createdAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RegionRow {
  id: string;
  name: string;
}

export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  office: '办公室/机构',
  department: '职能部门',
  township: '乡镇（街道）',
  commission: '委员会',
  other: '其他',
};

/** docs/auth.md's role table, as an office reads it. */
export const ROLE_INFO: ReadonlyArray<{ role: Role; name: string; meaning: string }> = [
  { role: 'administrator', name: '系统管理员', meaning: '管理用户、单位、流程部署、区域启用和工作日历，可处理任何任务' },
  { role: 'dispatcher', name: '派单员/热线办', meaning: '登记和派发本区域工单，启动流程，可将任务指派给他人' },
  { role: 'handler', name: '承办人', meaning: '办理本单位的任务：签收、退回签收、办结' },
  { role: 'unit-head', name: '单位负责人', meaning: '同承办人，另可签批退回和延期申请、指派本单位任务' },
  { role: 'supervisor', name: '督查', meaning: '督查室、纪委监委、领导：查看本区域各单位工作，办理本单位任务' },
  { role: 'auditor', name: '审计', meaning: '巡查、统计：只能查看本区域工作，不能做任何修改' },
  { role: 'worker', name: '接口账号', meaning: '外部任务程序（npm run worker）使用的账号，不用于人工登录' },
];

export const roleName = (role: Role) => ROLE_INFO.find((r) => r.role === role)?.name ?? role;
