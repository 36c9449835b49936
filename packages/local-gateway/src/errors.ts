/**
 * @module Errors of the local gateway. They say what to run or set to fix the problem.
 */

/** The synthesized stack or one of its artifacts is missing or unusable. */
export class LocalStackError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalStackError';
  }
}

/** A function invocation failed the way a Lambda invocation fails (error, crash, timeout). */
export class InvocationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvocationError';
  }
}

/** A setting of `npm start` is wrong; the message names the variable to change. */
export class SettingsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SettingsError';
  }
}
