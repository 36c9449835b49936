/**
 * @module Lambda's synchronous payload limits, as API Gateway meets them. Invoke carries at most 6 MiB of event
 * JSON (6,291,456 bytes; above it the Lambda API rejects the invocation, `RequestEntityTooLargeException`) and at
 * most 6 MiB + 100 bytes of response JSON (above it the invocation fails: "Exceeded maximum allowed payload size
 * (6291556 bytes)"). Sizes are of the JSON text: a binary body counts base64-encoded, and escaping counts.
 * API Gateway answers a rejected invocation with 500 and a failed one with 502, both `{"message":"Internal Server
 * Error"}` (Lambda guide, "Handling Lambda errors with an API Gateway API").
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html
 */

/** Largest event (the Invoke request's JSON) Lambda accepts synchronously. */
export const MAX_INVOKE_REQUEST_BYTES = 6 * 1024 * 1024;

/** Largest result (the function's JSON response) Lambda returns synchronously. */
export const MAX_INVOKE_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

/**
 * Whether `value`, serialised as Lambda serialises it, is longer than `limit` bytes. A string body is bounded
 * first (JSON escapes one UTF-16 unit into at most 6 bytes, `\u001f`), so a small request or response is never
 * serialised whole just to be measured.
 */
export function exceedsPayloadLimit(value: unknown, limit: number): boolean {
  if (typeof value === 'string' && value.length * 6 + 2 <= limit) return false;
  if (typeof value === 'object' && value !== null && typeof (value as { body?: unknown }).body === 'string') {
    const { body, ...rest } = value as { body: string };
    const bound = body.length * 6 + '"body":"",'.length + Buffer.byteLength(JSON.stringify(rest));
    if (bound <= limit) return false;
  }
  return Buffer.byteLength(JSON.stringify(value) ?? 'null') > limit;
}
