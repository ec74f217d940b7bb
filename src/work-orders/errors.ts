/** Thrown when a work-order id or number matches no order. */
export class WorkOrderNotFoundError extends Error {
  override readonly name = 'WorkOrderNotFoundError';
  constructor(readonly reference: string) {
    super(`Work order '${reference}' does not exist`);
  }
}

/**
 * Thrown when an intake passes the schema but not the form's own rules (a lead unit that is
 * not among the responsible units, a unit contact for a private person, a date that does not
 * exist, an unknown region, too many attachment bytes). `field` is the body field at fault.
 */
export class InvalidWorkOrderError extends Error {
  override readonly name = 'InvalidWorkOrderError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid work order field '${field}': ${reason}`);
  }
}

/**
 * Thrown when an Idempotency-Key already registered an order in the region with a different
 * form: replaying it would silently drop the second request's content.
 */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(
    readonly region: string,
    readonly idempotencyKey: string,
    readonly number: string,
  ) {
    super(`Idempotency-Key '${idempotencyKey}' already registered work order ${number} in region '${region}' with different content`);
  }
}

/** Thrown when a list query parameter is well-formed but unusable (an unknown status, a date that does not exist). */
export class InvalidWorkOrderQueryError extends Error {
  override readonly name = 'InvalidWorkOrderQueryError';
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`Invalid query parameter '${parameter}': ${reason}`);
  }
}
