/** Thrown when a ledger or statistics query parameter is well-formed but unusable. */
export class InvalidLedgerQueryError extends Error {
  override readonly name = 'InvalidLedgerQueryError';
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`Invalid query parameter '${parameter}': ${reason}`);
  }
}
