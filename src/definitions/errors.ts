/** Thrown when a deployment request has no resource, or a resource without a file name. */
export class InvalidDeploymentError extends Error {
  override readonly name = 'InvalidDeploymentError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Thrown when a deployment id matches nothing. */
export class DeploymentNotFoundError extends Error {
  override readonly name = 'DeploymentNotFoundError';
  constructor(readonly deploymentId: string) {
    super(`Deployment with id '${deploymentId}' does not exist`);
  }
}

/** Thrown when deleting a deployment whose definitions still have running instances (without cascade). */
export class DeploymentInUseError extends Error {
  override readonly name = 'DeploymentInUseError';
  constructor(
    readonly deploymentId: string,
    readonly runningInstances: number,
  ) {
    super(`Deployment ${deploymentId} has ${runningInstances} running process instance(s); delete with cascade=true to remove them`);
  }
}
