/** Errors of users, units and sign-in; src/rest/auth and src/rest/admin map them to HTTP. */

/** Wrong username or password, or a token that is invalid, expired or revoked (401). */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  constructor(readonly reason: 'password' | 'token' | 'revoked' = 'password') {
    super(reason === 'password' ? 'Wrong username or password' : reason === 'token' ? 'Invalid or expired token' : 'The token was revoked (password reset or user disabled)');
  }
}

/**
 * Too many wrong passwords in a row: the user is refused until `until`, whatever password is
 * sent (429 with Retry-After). An administrator lifts it early by resetting the password or
 * enabling the user.
 */
export class LoginLockedError extends Error {
  override readonly name = 'LoginLockedError';
  constructor(
    readonly username: string,
    readonly until: Date,
  ) {
    super(`User '${username}' is locked after too many wrong passwords until ${until.toISOString()}`);
  }
}

/** The right password for a disabled user (403: the account exists and is refused). */
export class UserDisabledError extends Error {
  override readonly name = 'UserDisabledError';
  constructor(readonly username: string) {
    super(`User '${username}' is disabled`);
  }
}

export class UserNotFoundError extends Error {
  override readonly name = 'UserNotFoundError';
  constructor(readonly userId: string) {
    super(`User ${userId} does not exist`);
  }
}

export class UnitNotFoundError extends Error {
  override readonly name = 'UnitNotFoundError';
  constructor(readonly unitId: string) {
    super(`Unit ${unitId} does not exist`);
  }
}

export class UsernameTakenError extends Error {
  override readonly name = 'UsernameTakenError';
  constructor(readonly username: string) {
    super(`Username '${username}' is already taken`);
  }
}

export class UnitExistsError extends Error {
  override readonly name = 'UnitExistsError';
  constructor(readonly unitId: string) {
    super(`Unit ${unitId} already exists`);
  }
}

/** A user or unit field the service refuses (400 naming the field). */
export class InvalidAccountFieldError extends Error {
  override readonly name = 'InvalidAccountFieldError';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Invalid field '${field}': ${problem}`);
  }
}
