/**
 * @module Reads the route table out of a synthesized `cdk.tf.json`: route key → integration → Lambda
 * function → artifact zip, following the `${type.name.attribute}` references cdktf writes.
 */
import { posix, resolve } from 'node:path';
import { RouteTableError } from './errors.js';
import { parseRouteKey } from './route-key.js';
import { findReferences, isTerraformExpression, type TerraformReference } from './terraform-ref.js';
import type { LambdaArtifact, LambdaFunctionSpec, LambdaIntegrationSpec, ResolvedRoute, RouteTable } from './types.js';

type Body = Readonly<Record<string, unknown>>;
type Resources = Readonly<Record<string, Readonly<Record<string, Body>>>>;

/** Options of {@link readRouteTable}. */
export interface ReadRouteTableOptions {
  /** The stack's directory (`cdktf.out/stacks/<stack>`): artifacts then get an `absolutePath`. */
  readonly stackDir?: string;
}

/**
 * Builds the route table of a synthesized stack. Throws a {@link RouteTableError} naming the resource
 * and attribute that cannot be followed (a missing integration, a non-Lambda integration, a function
 * whose code is not a zip shipped with the stack, ...).
 *
 * @param tfJson - the parsed `cdk.tf.json`
 * @example
 * ```ts
 * const { routes } = readRouteTable(JSON.parse(readFileSync('cdktf.out/stacks/dev/cdk.tf.json', 'utf8')));
 * routes.map((r) => `${r.routeKey} → ${r.integration.function.address}`);
 * // ['ANY /mcp → aws_lambda_function.mcp_function_…', …]
 * ```
 */
export function readRouteTable(tfJson: unknown, options: ReadRouteTableOptions = {}): RouteTable {
  const resources = resourcesOf(tfJson);
  const routes = Object.entries(resources.aws_apigatewayv2_route ?? {});
  if (routes.length === 0) throw new RouteTableError('aws_apigatewayv2_route', 'the stack declares no routes');
  const functions = new Map<string, LambdaFunctionSpec>();
  const resolveFunction = (ref: TerraformReference): LambdaFunctionSpec => {
    let spec = functions.get(ref.address);
    if (!spec) functions.set(ref.address, (spec = readFunction(ref.address, body(resources, ref), options)));
    return spec;
  };
  return {
    routes: routes.map(([name, route]): ResolvedRoute => {
      const address = `aws_apigatewayv2_route.${name}`;
      const routeKey = requireString(address, route, 'route_key');
      try {
        parseRouteKey(routeKey);
      } catch (cause) {
        throw new RouteTableError(address, (cause as Error).message, { cause });
      }
      const apiRef = singleReference(route.api_id, 'aws_apigatewayv2_api');
      const integrationRef = targetIntegration(address, route.target);
      return {
        address,
        apiAddress: apiRef?.address,
        routeKey,
        integration: readIntegration(
          resources,
          integrationRef,
          body(resources, integrationRef, address),
          resolveFunction,
        ),
      };
    }),
  };
}

function resourcesOf(tfJson: unknown): Resources {
  if (typeof tfJson !== 'object' || tfJson === null) throw new RouteTableError('cdk.tf.json', 'is not a JSON object');
  const resource = (tfJson as { resource?: unknown }).resource;
  if (typeof resource !== 'object' || resource === null)
    throw new RouteTableError('cdk.tf.json', 'has no "resource" block');
  return resource as Resources;
}

function body(resources: Resources, ref: TerraformReference, from?: string): Body {
  const found = resources[ref.type]?.[ref.name];
  if (!found)
    throw new RouteTableError(from ?? ref.address, `references ${ref.address}, which the stack does not declare`);
  return found;
}

function targetIntegration(address: string, target: unknown): TerraformReference {
  if (typeof target !== 'string')
    throw new RouteTableError(address, 'has no target: API Gateway would answer 404 for it');
  const ref = /^integrations\/(\$\{[^}]+\})$/.exec(target)
    ? singleReference(target, 'aws_apigatewayv2_integration')
    : undefined;
  if (!ref || ref.attribute !== 'id') {
    throw new RouteTableError(
      address,
      `target "${target}" is not "integrations/\${aws_apigatewayv2_integration.<name>.id}"`,
    );
  }
  return ref;
}

function readIntegration(
  resources: Resources,
  ref: TerraformReference,
  integration: Body,
  resolveFunction: (ref: TerraformReference) => LambdaFunctionSpec,
): LambdaIntegrationSpec {
  const integrationType = requireString(ref.address, integration, 'integration_type');
  if (integrationType !== 'AWS_PROXY') {
    throw new RouteTableError(
      ref.address,
      `integration_type is ${integrationType}; only AWS_PROXY integrations invoke a Lambda function`,
    );
  }
  const uri = integration.integration_uri;
  const fnRef = singleReference(uri, 'aws_lambda_function');
  if (!fnRef || (fnRef.attribute !== 'invoke_arn' && fnRef.attribute !== 'arn')) {
    throw new RouteTableError(
      ref.address,
      `integration_uri ${JSON.stringify(uri)} does not reference ` +
        `an aws_lambda_function's invoke_arn or arn in this stack`,
    );
  }
  body(resources, fnRef, ref.address);
  const version = integration.payload_format_version;
  return {
    address: ref.address,
    integrationType,
    payloadFormatVersion: typeof version === 'string' ? version : '1.0',
    function: resolveFunction(fnRef),
  };
}

function readFunction(address: string, fn: Body, options: ReadRouteTableOptions): LambdaFunctionSpec {
  const environment = block(fn.environment)?.variables;
  return {
    address,
    functionName: typeof fn.function_name === 'string' ? fn.function_name : undefined,
    handler: requireString(address, fn, 'handler'),
    runtime: requireString(address, fn, 'runtime'),
    architectures: Array.isArray(fn.architectures) ? fn.architectures.map(String) : ['x86_64'],
    memorySize: typeof fn.memory_size === 'number' ? fn.memory_size : 128,
    timeout: typeof fn.timeout === 'number' ? fn.timeout : 3,
    environment: Object.fromEntries(
      Object.entries(typeof environment === 'object' && environment !== null ? environment : {}).map(([k, v]) => [
        k,
        String(v),
      ]),
    ),
    artifact: readArtifact(address, fn, options),
  };
}

function readArtifact(address: string, fn: Body, options: ReadRouteTableOptions): LambdaArtifact {
  const filename = fn.filename;
  if (typeof filename !== 'string') {
    const source = fn.s3_bucket !== undefined ? 's3_bucket' : fn.image_uri !== undefined ? 'image_uri' : 'nothing';
    throw new RouteTableError(
      address,
      `has no filename (its code comes from ${source}); expected a zip shipped with the stack`,
    );
  }
  const raw = filename.replace(/^\$\{path\.module\}\//, '');
  if (isTerraformExpression(raw))
    throw new RouteTableError(address, `filename "${filename}" is an expression, not a path in the stack`);
  if (posix.isAbsolute(raw) || /^[A-Za-z]:[\\/]/.test(raw)) {
    throw new RouteTableError(
      address,
      `filename "${filename}" is absolute: the stack would not deploy ` +
        `without this machine's build tree; ship the zip as a TerraformAsset`,
    );
  }
  const path = posix.normalize(raw.replace(/\\/g, '/'));
  if (path === '..' || path.startsWith('../'))
    throw new RouteTableError(address, `filename "${filename}" points outside the stack directory`);
  const hash = fn.source_code_hash;
  return {
    path,
    absolutePath: options.stackDir ? resolve(options.stackDir, path) : undefined,
    sourceCodeHash: typeof hash === 'string' ? hash : undefined,
  };
}

/** cdktf writes single nested blocks as an object; hand-written JSON may use a one-element array. */
function block(value: unknown): Body | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === 'object' && item !== null ? (item as Body) : undefined;
}

function singleReference(value: unknown, type: string): TerraformReference | undefined {
  if (typeof value !== 'string') return undefined;
  const refs = findReferences(value);
  return refs.length === 1 && refs[0].type === type ? refs[0] : undefined;
}

function requireString(address: string, resource: Body, attribute: string): string {
  const value = resource[attribute];
  if (typeof value !== 'string' || value === '') throw new RouteTableError(address, `${attribute} is missing`);
  return value;
}
