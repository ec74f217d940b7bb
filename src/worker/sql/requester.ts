/**
 * The requester's phone of a work order, by number (= the process's business key). The worker
 * reads the service's `work_order` table because requester data is deliberately kept out of
 * process variables (docs/work-orders.md), so /engine-rest cannot give it.
 */
export const requesterPhone = `SELECT phone FROM work_order WHERE number = $1`;
