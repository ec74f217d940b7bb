/**
 * Every page of the console: its hash path, its menu entry (if any) and who sees it. The pages
 * of each concept live in their own folder and load when first opened, so a handler's browser
 * never downloads the modeler.
 */
import type { ComponentType } from 'preact';
import type { Role } from './shared/session.js';

type PageModule = Record<string, ComponentType<any>>;

export interface RouteDef {
  path: string;
  /** Menu label; routes without one are reached from other pages. */
  menu?: string;
  roles: readonly Role[];
  load: () => Promise<PageModule>;
  component: string;
}

const ALL: readonly Role[] = ['administrator', 'dispatcher', 'handler', 'unit-head', 'supervisor', 'auditor'];
const TASK_WORKERS: readonly Role[] = ['administrator', 'dispatcher', 'handler', 'unit-head', 'supervisor'];
const LEADERS: readonly Role[] = ['administrator', 'dispatcher', 'unit-head', 'supervisor', 'auditor'];
const ADMIN: readonly Role[] = ['administrator'];

const tasks = () => import('./tasks/index.js');
const orders = () => import('./orders/index.js');
const intake = () => import('./intake/index.js');
const dashboard = () => import('./dashboard/index.js');
const admin = () => import('./admin/index.js');

export const ROUTES: RouteDef[] = [
  { path: '/tasks', menu: '我的待办', roles: TASK_WORKERS, load: tasks, component: 'TaskListPage' },
  { path: '/tasks/:id', roles: TASK_WORKERS, load: tasks, component: 'TaskPage' },
  { path: '/intake', menu: '工单受理', roles: ['administrator', 'dispatcher'], load: intake, component: 'IntakePage' },
  { path: '/orders', menu: '工单查询', roles: ALL, load: orders, component: 'OrderListPage' },
  { path: '/orders/:id', roles: ALL, load: orders, component: 'OrderPage' },
  { path: '/dashboard', menu: '统计分析', roles: LEADERS, load: dashboard, component: 'DashboardPage' },
  { path: '/ledger', menu: '工作台账', roles: LEADERS, load: dashboard, component: 'LedgerPage' },
  { path: '/admin/processes', menu: '流程管理', roles: ADMIN, load: admin, component: 'ProcessLibraryPage' },
  { path: '/admin/modeler/:definitionId', roles: ADMIN, load: admin, component: 'ModelerPage' },
  { path: '/admin/diff/:left/:right', roles: ADMIN, load: admin, component: 'DiffPage' },
  { path: '/admin/calendar', menu: '工作日历', roles: ADMIN, load: admin, component: 'CalendarPage' },
  { path: '/admin/users', menu: '单位与用户', roles: ADMIN, load: admin, component: 'UsersPage' },
];

/** Where a user lands after sign-in: the first menu entry their roles open. */
export function homeFor(roles: readonly Role[]): string {
  if (roles.includes('administrator')) return '/admin/processes';
  if (roles.includes('dispatcher')) return '/intake';
  if (roles.includes('auditor') || roles.includes('supervisor')) return '/dashboard';
  return '/tasks';
}
