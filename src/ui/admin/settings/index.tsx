/** 系统管理 · 设置: the business calendar per region, units and users. */
export { CalendarPage } from './calendar-page.js';
export { UsersPage } from './users-page.js';
