/**
 * @module Errors of the route table reader. They name the Terraform address and attribute at fault.
 */

/** A synthesized stack's routes cannot be followed to a Lambda artifact. */
export class RouteTableError extends Error {
  /** Terraform address of the resource at fault, e.g. `aws_apigatewayv2_route.mcp`. */
  readonly address: string;

  constructor(address: string, message: string, options?: ErrorOptions) {
    super(`${address}: ${message}`, options);
    this.name = 'RouteTableError';
    this.address = address;
  }
}
