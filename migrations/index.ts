/**
 * Every migration, in order. Listed by hand rather than globbed so the compiled service and
 * the tests (run from TypeScript) load exactly the same set.
 */
import { EngineCore1732300000000 } from './1732300000000-engine-core.js';
import { SmsOutbox1732400000000 } from './1732400000000-sms-outbox.js';
import { ExternalTaskLocalVariables1732400000001 } from './1732400000001-external-task-local-variables.js';
import { Calendar1732500000000 } from './1732500000000-calendar.js';
import { Regions1732600000000 } from './1732600000000-regions.js';
import { WorkOrders1732700000000 } from './1732700000000-work-orders.js';
import { Auth1732800000000 } from './1732800000000-auth.js';
import { WorkOrderLedger1732850000000 } from './1732850000000-work-order-ledger.js';
import { GuidingCases1733000000000 } from './1733000000000-guiding-cases.js';
import { TimerStartJobs1733100000000 } from './1733100000000-timer-start-jobs.js';
import { Notifications1733200000000 } from './1733200000000-notifications.js';
import { LoginLockout1733300000000 } from './1733300000000-login-lockout.js';

export const migrations = [EngineCore1732300000000, SmsOutbox1732400000000, ExternalTaskLocalVariables1732400000001, Calendar1732500000000, Regions1732600000000, WorkOrders1732700000000, Auth1732800000000, WorkOrderLedger1732850000000, GuidingCases1733000000000, TimerStartJobs1733100000000, Notifications1733200000000, LoginLockout1733300000000];
