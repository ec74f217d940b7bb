/** Leaders' and auditors' pages: 统计分析 (/dashboard) and 工作台账 (/ledger). */
export { DashboardPage } from './dashboard-page.js';
export { LedgerPage } from './ledger-page.js';
