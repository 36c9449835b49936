/**
 * @module The routes of the HTTP API, each an AWS_PROXY integration (payload 2.0) to one of the
 * Lambdas, plus the invoke permission for this API only. The route keys are data, so tests can read
 * them back from the synthesized JSON and check them with API Gateway's own selection rules.
 */
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration/index.js';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { Construct } from 'constructs';
import type { HttpApi } from './http-api.js';
import type { WikibotFunction } from './lambda-function.js';

/** A route key and the function it invokes. */
export interface RouteBinding {
  /** `ANY /mcp`, `ANY /.well-known/{proxy+}`, `$default`, ... */
  readonly routeKey: string;
  readonly target: WikibotFunction;
}

/** Props of {@link Routes}. */
export interface RoutesProps {
  readonly api: HttpApi;
  readonly routes: readonly RouteBinding[];
}

/** One integration and one permission per function, one route per key. */
export class Routes extends Construct {
  constructor(scope: Construct, id: string, props: RoutesProps) {
    super(scope, id);
    const { api } = props;
    const integrations = new Map<WikibotFunction, Apigatewayv2Integration>();
    for (const { target } of props.routes) {
      if (integrations.has(target)) continue;
      const name = target.node.id;
      integrations.set(
        target,
        new Apigatewayv2Integration(this, `${name}-integration`, {
          apiId: api.api.id,
          integrationType: 'AWS_PROXY',
          integrationMethod: 'POST',
          integrationUri: target.function.invokeArn,
          payloadFormatVersion: '2.0',
        }),
      );
      new LambdaPermission(this, `${name}-permission`, {
        statementId: 'AllowInvokeFromThisHttpApi',
        action: 'lambda:InvokeFunction',
        functionName: target.function.functionName,
        principal: 'apigateway.amazonaws.com',
        // Any stage and route of this API, and of no other API in the account.
        sourceArn: `${api.executionArn}/*`,
      });
    }
    for (const { routeKey, target } of props.routes) {
      new Apigatewayv2Route(this, routeId(routeKey), {
        apiId: api.api.id,
        routeKey,
        target: `integrations/${integrations.get(target)?.id}`,
      });
    }
  }
}

/** A readable, stable construct id for a route key: `ANY /.well-known/{proxy+}` → `any-well-known-proxy`. */
function routeId(routeKey: string): string {
  return routeKey
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
