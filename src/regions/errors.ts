/** Thrown when a region id matches no region. */
export class RegionNotFoundError extends Error {
  override readonly name = 'RegionNotFoundError';
  constructor(readonly regionId: string) {
    super(`Region '${regionId}' does not exist`);
  }
}

/** Thrown when a region has no active process definition (nothing deployed or activated yet). */
export class NoActiveDefinitionError extends Error {
  override readonly name = 'NoActiveDefinitionError';
  constructor(readonly regionId: string) {
    super(`Region '${regionId}' has no active process definition; deploy one and activate it`);
  }
}

/** Thrown when the definition to activate is unknown or belongs to another region. */
export class DefinitionNotActivatableError extends Error {
  override readonly name = 'DefinitionNotActivatableError';
  constructor(
    readonly regionId: string,
    readonly reference: string,
    readonly reason: string,
  ) {
    super(`Cannot activate ${reference} for region '${regionId}': ${reason}`);
  }
}

/** Thrown when a rollback finds no earlier activation to return to. */
export class NothingToRollBackError extends Error {
  override readonly name = 'NothingToRollBackError';
  constructor(readonly regionId: string) {
    super(`Region '${regionId}' has no earlier activation to roll back to`);
  }
}

/** Thrown when deleting a deployment whose definition is a region's active one. */
export class DefinitionActiveInRegionError extends Error {
  override readonly name = 'DefinitionActiveInRegionError';
  constructor(
    readonly regionId: string,
    readonly definitionId: string,
  ) {
    super(`Process definition ${definitionId} is active in region '${regionId}'; activate another version first`);
  }
}
