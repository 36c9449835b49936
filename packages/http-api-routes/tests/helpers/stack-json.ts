/**
 * A synthesized stack shaped the way cdktf writes cdk.tf.json: resources keyed by type and logical id,
 * references as `${type.name.attribute}`, TerraformAsset paths relative to the stack directory.
 */
export function stackJson() {
  const fn = (name: string) => ({
    function_name: `wikibot-dev-${name}`,
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    architectures: ['arm64'],
    memory_size: 512,
    timeout: 15,
    role: `\${aws_iam_role.${name}_role_1A2B3C4D.arn}`,
    filename: `assets/${name}_code_ABCD1234/0F1E2D3C/lambda.zip`,
    source_code_hash: 'I8/TvmycWAn9d4xQdqFHy8/s4qjkk6/rcqOixPX8rUY=',
    environment: {
      variables: { PUBLIC_ORIGIN: '${aws_apigatewayv2_api.api_http_5E6F7A8B.api_endpoint}', WIKIBOT_ENV: 'dev' },
    },
    '//': { metadata: { path: `wikibot-dev/${name}/function` } },
  });
  const integration = (name: string) => ({
    api_id: '${aws_apigatewayv2_api.api_http_5E6F7A8B.id}',
    integration_type: 'AWS_PROXY',
    integration_method: 'POST',
    integration_uri: `\${aws_lambda_function.${name}_function_11111111.invoke_arn}`,
    payload_format_version: '2.0',
  });
  const route = (routeKey: string, target: string) => ({
    api_id: '${aws_apigatewayv2_api.api_http_5E6F7A8B.id}',
    route_key: routeKey,
    target: `integrations/\${aws_apigatewayv2_integration.${target}.id}`,
  });
  return {
    '//': { metadata: { stackName: 'wikibot-dev' } },
    resource: {
      aws_apigatewayv2_api: { api_http_5E6F7A8B: { name: 'wikibot-dev', protocol_type: 'HTTP' } },
      aws_lambda_function: { mcp_function_11111111: fn('mcp'), wiki_function_11111111: fn('wiki') },
      aws_apigatewayv2_integration: {
        routes_mcp_22222222: integration('mcp'),
        routes_wiki_22222222: integration('wiki'),
      },
      aws_apigatewayv2_route: {
        routes_mcp_33333333: route('ANY /mcp', 'routes_mcp_22222222'),
        'routes_well-known_33333333': route('ANY /.well-known/{proxy+}', 'routes_mcp_22222222'),
        routes_default_33333333: route('$default', 'routes_wiki_22222222'),
      },
    },
  } as { resource: Record<string, Record<string, Record<string, unknown>>> } & Record<string, unknown>;
}
