/**
 * @wikibot/lambda-http — API Gateway HTTP API (payload 2.0) ↔ web-standard Request/Response.
 * Anything exported here is public API of the package.
 * @module
 */

/** Lambda side */
export { createLambdaHandler } from './handler.js';
export { eventToRequest, MalformedEventError } from './event-to-request.js';
export { responseToResult } from './response-to-result.js';
export { requestBytes } from './known-bodies.js';
export { plainResponse } from './plain-response.js';
export type { PlainBody } from './plain-response.js';

/** Gateway and test side */
export { createApiGatewayV2Event, decodeApiGatewayV2Result } from './build-event.js';
export type { IncomingHttpRequest } from './build-event.js';

export type { ApiGatewayV2Event, ApiGatewayV2Result, FetchHandler } from './types.js';
