/**
 * The access policy: who may call what (route-permissions), and which rows each user may see
 * (scope + the restrict… functions that queries add to their WHERE, resource-guard for
 * routes that name one resource). Pure rules on SQL filters; src/auth applies them to requests.
 */
export { ROLES, TASK_ROLES, REGION_WIDE_ROLES, isRole, type Role } from './roles.js';
export { hasAnyRole, type Principal } from './principal.js';
export { scopeOf, isUnrestricted, type AccessScope } from './scope.js';
export { restrictTasks } from './task-visibility.js';
export { restrictInstances } from './instance-visibility.js';
export { restrictWorkOrders, workOrderVisible } from './work-order-visibility.js';
export { guardedResource, resourceVisible, type GuardedResource } from './resource-guard.js';
export { permissionFor, engineRestRoute, type Permission } from './route-permissions.js';
export { maskingRoleOf, type MaskingRole } from './viewer.js';
export { mayAssign } from './assignment.js';
export { unauthorizedSignature, SIGNATURE_VARIABLES } from './signatures.js';
