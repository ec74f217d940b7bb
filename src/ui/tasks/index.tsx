/** 我的待办 and 办理. */
export { TaskListPage } from './TaskListPage.js';
export { TaskPage } from './TaskPage.js';
