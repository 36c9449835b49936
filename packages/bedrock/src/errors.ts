/**
 * @module Errors of the Bedrock client. No HTTP status leaks out as such: callers see whether retrying can help.
 */

/** Bedrock refused or failed an InvokeModel call (after the retries, when it was worth retrying). */
export class BedrockError extends Error {
  /** Bedrock's error type (`ThrottlingException`, `AccessDeniedException`, …) or `NetworkError` / `Timeout`. */
  readonly type: string;
  /** True when the same call may succeed later (throttling, 5xx, network); false for a refused request. */
  readonly retryable: boolean;

  constructor(type: string, message: string, retryable: boolean, options?: ErrorOptions) {
    super(`Bedrock InvokeModel failed (${type}): ${message}`, options);
    this.name = 'BedrockError';
    this.type = type;
    this.retryable = retryable;
  }
}

/** Calls are not attempted for a while after repeated failures, so an outage costs searches no time. */
export class BedrockCircuitOpenError extends BedrockError {
  constructor(untilMs: number, cause: unknown) {
    super('CircuitOpen', `not calling Bedrock for ${Math.ceil(untilMs / 1000)} s after repeated failures`, true, {
      cause,
    });
    this.name = 'BedrockCircuitOpenError';
  }
}
