/**
 * @module The Lambda handler every wikibot app uses: event → Request → app → Response → result.
 * It only adapts; all behaviour lives behind the app's `fetch`.
 */
import { MalformedEventError, eventToRequest } from './event-to-request.js';
import { responseToResult } from './response-to-result.js';
import type { ApiGatewayV2Event, ApiGatewayV2Result, FetchHandler } from './types.js';

function jsonResult(statusCode: number, error: string, message: string): ApiGatewayV2Result {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify({ error, message }),
    isBase64Encoded: false,
  };
}

/**
 * Wraps a fetch handler as a Lambda handler for HTTP API payload 2.0.
 *
 * @param app - the app, or a promise of it (initialised once per container, on first use)
 * @example
 * ```ts
 * export const handler = createLambdaHandler(app.fetch);
 * ```
 */
export function createLambdaHandler(
  app: FetchHandler | (() => Promise<FetchHandler>),
  options: { lazy?: boolean; onError?: (error: unknown) => void } = {},
): (event: ApiGatewayV2Event) => Promise<ApiGatewayV2Result> {
  let resolved: Promise<FetchHandler> | undefined;
  const getApp = (): Promise<FetchHandler> =>
    (resolved ??= options.lazy ? (app as () => Promise<FetchHandler>)() : Promise.resolve(app as FetchHandler));
  return async (event) => {
    let request: Request;
    try {
      request = eventToRequest(event);
    } catch (error) {
      if (error instanceof MalformedEventError) return jsonResult(400, 'bad_request', error.message);
      throw error;
    }
    try {
      const fetch = await getApp();
      return await responseToResult(await fetch(request));
    } catch (error) {
      // A failed initialisation is retried on the next event rather than cached forever.
      if (options.lazy) resolved = undefined;
      options.onError?.(error);
      return jsonResult(500, 'internal_error', 'The server failed to handle this request.');
    }
  };
}
