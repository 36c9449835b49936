/**
 * @module Terraform references inside synthesized JSON: `${aws_lambda_function.wiki.invoke_arn}` and the
 * like, as cdktf writes them. Only plain attribute references are understood; anything computed by a
 * Terraform function is left to Terraform.
 */

/** One `${<type>.<name>.<attribute>}` reference (`type` keeps a `data.` prefix for data sources). */
export interface TerraformReference {
  /** Resource type, e.g. `aws_lambda_function` or `data.aws_route53_zone`. */
  readonly type: string;
  /** Resource name (cdktf's logical id). */
  readonly name: string;
  /** Attribute read, e.g. `invoke_arn`. */
  readonly attribute: string;
  /** `<type>.<name>`, the resource's Terraform address. */
  readonly address: string;
}

const REFERENCE = /\$\{((?:data\.)?[a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)\.([a-z_][a-z0-9_]*)\}/g;

/**
 * Every plain attribute reference in a string, in order of appearance.
 *
 * @example
 * ```ts
 * findReferences('integrations/${aws_apigatewayv2_integration.mcp.id}');
 * // [{ type: 'aws_apigatewayv2_integration', name: 'mcp', attribute: 'id',
 * //    address: 'aws_apigatewayv2_integration.mcp' }]
 * ```
 */
export function findReferences(value: string): TerraformReference[] {
  return [...value.matchAll(REFERENCE)].map(([, type, name, attribute]) => ({
    type,
    name,
    attribute,
    address: `${type}.${name}`,
  }));
}

/** True when a value holds a Terraform expression (`${...}`), i.e. is only known once Terraform runs. */
export function isTerraformExpression(value: string): boolean {
  return value.includes('${');
}
