/** 系统管理: the process library and modeler (processes/), the calendar, units and users (settings/). */
export { ProcessLibraryPage, ModelerPage, DiffPage } from './processes/index.js';
export { CalendarPage, UsersPage } from './settings/index.js';
