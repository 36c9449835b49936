import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRouteTable, readRouteTable, RouteTableError, selectRoute } from '../../src/index.js';
import { stackJson } from '../helpers/stack-json.js';

describe('readRouteTable', () => {
  it('follows each route to its integration, function and artifact zip', () => {
    // Act
    const { routes } = readRouteTable(stackJson());

    // Assess
    expect(
      routes.map((r) => [
        r.routeKey,
        r.integration.address,
        r.integration.function.address,
        r.integration.function.artifact.path,
      ]),
    ).toEqual([
      [
        'ANY /mcp',
        'aws_apigatewayv2_integration.routes_mcp_22222222',
        'aws_lambda_function.mcp_function_11111111',
        'assets/mcp_code_ABCD1234/0F1E2D3C/lambda.zip',
      ],
      [
        'ANY /.well-known/{proxy+}',
        'aws_apigatewayv2_integration.routes_mcp_22222222',
        'aws_lambda_function.mcp_function_11111111',
        'assets/mcp_code_ABCD1234/0F1E2D3C/lambda.zip',
      ],
      [
        '$default',
        'aws_apigatewayv2_integration.routes_wiki_22222222',
        'aws_lambda_function.wiki_function_11111111',
        'assets/wiki_code_ABCD1234/0F1E2D3C/lambda.zip',
      ],
    ]);
  });

  it('reads the function settings a local gateway needs to run it', () => {
    // Act
    const fn = readRouteTable(stackJson()).routes[0].integration.function;

    // Assess
    expect(fn).toEqual({
      address: 'aws_lambda_function.mcp_function_11111111',
      functionName: 'wikibot-dev-mcp',
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      memorySize: 512,
      timeout: 15,
      environment: { PUBLIC_ORIGIN: '${aws_apigatewayv2_api.api_http_5E6F7A8B.api_endpoint}', WIKIBOT_ENV: 'dev' },
      artifact: {
        path: 'assets/mcp_code_ABCD1234/0F1E2D3C/lambda.zip',
        absolutePath: undefined,
        sourceCodeHash: 'I8/TvmycWAn9d4xQdqFHy8/s4qjkk6/rcqOixPX8rUY=',
      },
    });
  });

  it('resolves artifacts against the stack directory when given', () => {
    const { routes } = readRouteTable(stackJson(), { stackDir: '/out/stacks/wikibot-dev' });
    expect(routes[2].integration.function.artifact.absolutePath).toBe(
      '/out/stacks/wikibot-dev/assets/wiki_code_ABCD1234/0F1E2D3C/lambda.zip',
    );
  });

  it('shares one function object between routes that invoke the same function', () => {
    const { routes } = readRouteTable(stackJson());
    expect(routes[0].integration.function).toBe(routes[1].integration.function);
  });

  it('fills in the AWS defaults a stack leaves out, so a missing setting shows up as a wrong value', () => {
    // Prepare
    const json = stackJson();
    const fn = json.resource.aws_lambda_function.mcp_function_11111111;
    delete fn.architectures;
    delete fn.memory_size;
    delete fn.timeout;
    delete json.resource.aws_apigatewayv2_integration.routes_mcp_22222222.payload_format_version;

    // Act
    const { integration } = readRouteTable(json).routes[0];

    // Assess
    expect(integration.payloadFormatVersion).toBe('1.0');
    expect(integration.function).toMatchObject({ architectures: ['x86_64'], memorySize: 128, timeout: 3 });
  });

  it('accepts a filename written relative to ${path.module}', () => {
    // Prepare
    const json = stackJson();
    json.resource.aws_lambda_function.mcp_function_11111111.filename = '${path.module}/assets/mcp/1/lambda.zip';

    // Act, Assess
    expect(readRouteTable(json).routes[0].integration.function.artifact.path).toBe('assets/mcp/1/lambda.zip');
  });

  type Mutation = (json: ReturnType<typeof stackJson>) => void;
  const mcpFunction = (json: ReturnType<typeof stackJson>) => json.resource.aws_lambda_function.mcp_function_11111111;
  const mcpIntegration = (json: ReturnType<typeof stackJson>) =>
    json.resource.aws_apigatewayv2_integration.routes_mcp_22222222;
  const mcpRoute = (json: ReturnType<typeof stackJson>) => json.resource.aws_apigatewayv2_route.routes_mcp_33333333;

  it.each<[string, Mutation, string, RegExp]>([
    [
      'a route without target',
      (j) => delete mcpRoute(j).target,
      'aws_apigatewayv2_route.routes_mcp_33333333',
      /has no target/,
    ],
    [
      'a target that is not an integration reference',
      (j) => (mcpRoute(j).target = 'integrations/abc123'),
      'aws_apigatewayv2_route.routes_mcp_33333333',
      /is not "integrations/,
    ],
    [
      'a target naming an undeclared integration',
      (j) => (mcpRoute(j).target = 'integrations/${aws_apigatewayv2_integration.gone.id}'),
      'aws_apigatewayv2_route.routes_mcp_33333333',
      /aws_apigatewayv2_integration\.gone, which the stack does not declare/,
    ],
    [
      'a bad route key',
      (j) => (mcpRoute(j).route_key = 'ANY mcp'),
      'aws_apigatewayv2_route.routes_mcp_33333333',
      /neither/,
    ],
    [
      'an HTTP_PROXY integration',
      (j) => (mcpIntegration(j).integration_type = 'HTTP_PROXY'),
      'aws_apigatewayv2_integration.routes_mcp_22222222',
      /only AWS_PROXY/,
    ],
    [
      'a literal function ARN',
      (j) => (mcpIntegration(j).integration_uri = 'arn:aws:lambda:eu-west-1:1:function:x'),
      'aws_apigatewayv2_integration.routes_mcp_22222222',
      /does not reference an aws_lambda_function/,
    ],
    [
      'an undeclared function',
      (j) => (mcpIntegration(j).integration_uri = '${aws_lambda_function.gone.invoke_arn}'),
      'aws_apigatewayv2_integration.routes_mcp_22222222',
      /aws_lambda_function\.gone, which the stack does not declare/,
    ],
    [
      'code from S3',
      (j) => {
        delete mcpFunction(j).filename;
        mcpFunction(j).s3_bucket = 'b';
      },
      'aws_lambda_function.mcp_function_11111111',
      /comes from s3_bucket/,
    ],
    [
      'an absolute filename',
      (j) => (mcpFunction(j).filename = '/home/me/apps/mcp/dist/lambda.zip'),
      'aws_lambda_function.mcp_function_11111111',
      /is absolute.*TerraformAsset/,
    ],
    [
      'a filename outside the stack',
      (j) => (mcpFunction(j).filename = 'assets/../../x.zip'),
      'aws_lambda_function.mcp_function_11111111',
      /outside the stack/,
    ],
    [
      'a computed filename',
      (j) => (mcpFunction(j).filename = '${data.archive_file.x.output_path}'),
      'aws_lambda_function.mcp_function_11111111',
      /is an expression/,
    ],
    [
      'a missing handler',
      (j) => delete mcpFunction(j).handler,
      'aws_lambda_function.mcp_function_11111111',
      /handler is missing/,
    ],
  ])('names the resource at fault for %s', (_, mutate, address, message) => {
    // Prepare
    const json = stackJson();
    mutate(json);

    // Act
    let error: unknown;
    try {
      readRouteTable(json);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(RouteTableError);
    expect((error as RouteTableError).address).toBe(address);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['not an object', 42, /not a JSON object/],
    ['no resources', {}, /no "resource" block/],
    ['no routes', { resource: {} }, /declares no routes/],
  ])('refuses a document with %s', (_, json, message) => {
    expect(() => readRouteTable(json)).toThrow(message);
  });

  it('feeds selectRoute: the well-known probe reaches the MCP function', () => {
    const { routes } = readRouteTable(stackJson());
    expect(
      selectRoute(routes, 'GET', '/.well-known/oauth-authorization-server')?.route.integration.function.functionName,
    ).toBe('wikibot-dev-mcp');
  });
});

describe('loadRouteTable', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'routes-'));
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(stackJson()));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a stack whose artifact zip is missing, naming the function', () => {
    expect(() => loadRouteTable(dir)).toThrow(
      /aws_lambda_function\.mcp_function_11111111: artifact assets\/mcp_code_ABCD1234\/0F1E2D3C\/lambda\.zip is missing/,
    );
  });

  it('returns absolute artifact paths once the zips are in the stack directory', () => {
    // Prepare
    for (const name of ['mcp', 'wiki']) {
      mkdirSync(join(dir, `assets/${name}_code_ABCD1234/0F1E2D3C`), { recursive: true });
      writeFileSync(join(dir, `assets/${name}_code_ABCD1234/0F1E2D3C/lambda.zip`), 'zip');
    }

    // Act
    const table = loadRouteTable(join(dir, 'cdk.tf.json'));

    // Assess
    expect(table.routes[0].integration.function.artifact.absolutePath).toBe(
      join(dir, 'assets/mcp_code_ABCD1234/0F1E2D3C/lambda.zip'),
    );
  });

  it('says to synthesize first when there is no stack file', () => {
    expect(() => loadRouteTable(join(dir, 'nowhere'))).toThrow(/npm run synth/);
  });
});
