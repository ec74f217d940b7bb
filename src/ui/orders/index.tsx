/** 工单查询 and 工单详情. */
export { OrderListPage } from './OrderListPage.js';
export { OrderPage } from './OrderPage.js';
