/**
 * @module Domain errors of the identity package. They carry no HTTP; each app maps them to its answers
 * (an invalid token → 401 `invalid_token`, an unavailable issuer or directory → 503).
 */

/** Base class of every identity error. */
export class IdentityError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IdentityError';
  }
}

/**
 * A bearer token or ID token was refused. `message` is a safe description (never token contents) fit
 * for an RFC 6750 `error_description` and for logs.
 */
export class InvalidTokenError extends IdentityError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidTokenError';
  }
}

/** The issuer's metadata or signing keys could not be fetched, so no token can be checked right now. */
export class VerifierUnavailableError extends IdentityError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'VerifierUnavailableError';
  }
}

/** A secret could not be read (SSM refused, unreachable, or the parameter does not exist). */
export class SecretUnavailableError extends IdentityError {
  /** The secret's SSM parameter name (never its value). */
  readonly parameter: string;
  constructor(parameter: string, message: string, options?: ErrorOptions) {
    super(`Secret ${parameter}: ${message}`, options);
    this.name = 'SecretUnavailableError';
    this.parameter = parameter;
  }
}

/** The user directory (WorkOS) failed to answer. */
export class DirectoryUnavailableError extends IdentityError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DirectoryUnavailableError';
  }
}
