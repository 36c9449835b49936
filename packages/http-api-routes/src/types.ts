/**
 * @module The route table: what the synthesized stack says API Gateway will invoke for each route.
 */

/** The deployment package of a Lambda function, as shipped inside the synthesized stack. */
export interface LambdaArtifact {
  /**
   * The zip's path relative to the stack directory (`cdktf.out/stacks/<stack>`), posix, e.g.
   * `assets/mcp-code/<hash>/lambda.zip`.
   */
  readonly path: string;
  /** The zip's absolute path, when the stack directory is known ({@link loadRouteTable} or `options.stackDir`). */
  readonly absolutePath?: string;
  /** `source_code_hash` as synthesized, if set. */
  readonly sourceCodeHash?: string;
}

/** An `aws_lambda_function` as the stack declares it. */
export interface LambdaFunctionSpec {
  /** Terraform address, e.g. `aws_lambda_function.mcp_function_1A2B3C4D`. */
  readonly address: string;
  /** `function_name`; may be a Terraform expression. */
  readonly functionName?: string;
  readonly handler: string;
  readonly runtime: string;
  /** Defaults to `['x86_64']`, as in AWS, when the stack leaves it out. */
  readonly architectures: readonly string[];
  /** MB; AWS's default 128 when unset. */
  readonly memorySize: number;
  /** Seconds; AWS's default 3 when unset. */
  readonly timeout: number;
  /**
   * Environment variables as synthesized. Values may hold Terraform expressions (`${...}`) that only
   * Terraform resolves, e.g. an origin taken from the API's endpoint; see `isTerraformExpression`.
   */
  readonly environment: Readonly<Record<string, string>>;
  readonly artifact: LambdaArtifact;
}

/** An `aws_apigatewayv2_integration` proxying to a Lambda function. */
export interface LambdaIntegrationSpec {
  /** Terraform address, e.g. `aws_apigatewayv2_integration.mcp`. */
  readonly address: string;
  /** Always `AWS_PROXY`: other types do not invoke a function. */
  readonly integrationType: string;
  /** `1.0` or `2.0`; the AWS provider's default `1.0` when the stack leaves it out (handlers here expect `2.0`). */
  readonly payloadFormatVersion: string;
  readonly function: LambdaFunctionSpec;
}

/** One `aws_apigatewayv2_route`, followed to the function it invokes. */
export interface ResolvedRoute {
  /** Terraform address, e.g. `aws_apigatewayv2_route.mcp`. */
  readonly address: string;
  /** Address of the `aws_apigatewayv2_api` it belongs to, when `api_id` references one in the stack. */
  readonly apiAddress?: string;
  /** `ANY /mcp`, `ANY /.well-known/{proxy+}`, `$default`, ... */
  readonly routeKey: string;
  readonly integration: LambdaIntegrationSpec;
}

/** Every route of a synthesized stack, in the order the stack lists them. */
export interface RouteTable {
  readonly routes: readonly ResolvedRoute[];
}
