/**
 * @wikibot/http-api-routes — the API Gateway HTTP API route table of a synthesized stack, and API
 * Gateway's route selection. No dependencies: the local gateway imports it at run time.
 * Anything exported here is public API of the package.
 * @module
 */

/** Route table */
export { readRouteTable } from './route-table.js';
export type { ReadRouteTableOptions } from './route-table.js';
export { loadRouteTable } from './load.js';
export type { RouteTable, ResolvedRoute, LambdaIntegrationSpec, LambdaFunctionSpec, LambdaArtifact } from './types.js';

/** Route selection */
export { selectRoute } from './select-route.js';
export type { HttpRoute, RouteMatch } from './select-route.js';
export { parseRouteKey, DEFAULT_ROUTE_KEY } from './route-key.js';
export type { ParsedRouteKey, RouteSegment } from './route-key.js';

/** Terraform references */
export { findReferences, isTerraformExpression } from './terraform-ref.js';
export type { TerraformReference } from './terraform-ref.js';

/** Errors */
export { RouteTableError } from './errors.js';
