/**
 * @module A local server speaking SSM's JSON wire protocol for `GetParameter` (the one stand-in for AWS
 * in the tests). It checks the SigV4 signature by re-signing the request with the known secret.
 */
import { AwsV4Signer } from 'aws4fetch';
import { listen } from './listen.js';

/** Credentials the test server accepts. */
export const TEST_AWS = {
  region: 'eu-west-1',
  accessKeyId: 'AKIDTEST',
  secretAccessKey: 'test-secret-key',
  sessionToken: 'test-session',
} as const;

/** A running SSM stand-in. */
export interface SsmServer {
  readonly endpoint: string;
  /** GetParameter calls received, by parameter name. */
  readonly calls: string[];
  close(): Promise<void>;
}

/** Serves `parameters` (name → value) as SecureStrings. */
export async function startSsmServer(parameters: Record<string, string>): Promise<SsmServer> {
  const calls: string[] = [];
  const fault = (type: string, message: string, status = 400): Response =>
    Response.json({ __type: type, message }, { status, headers: { 'content-type': 'application/x-amz-json-1.1' } });
  const server = await listen(async (request) => {
    const body = await request.text();
    if (request.headers.get('x-amz-target') !== 'AmazonSSM.GetParameter')
      return fault('UnknownOperationException', 'unknown target');
    const authorization = request.headers.get('authorization') ?? '';
    const datetime = request.headers.get('x-amz-date') ?? '';
    const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    // Re-sign what was received with the secret we know; a different signature means a wrong signer.
    const expected = await new AwsV4Signer({
      method: request.method,
      url: request.url,
      headers: [...request.headers].filter(([name]) => signed.includes(name) && name !== 'host'),
      body,
      ...TEST_AWS,
      service: 'ssm',
      datetime,
    }).authHeader();
    if (expected !== authorization || request.headers.get('x-amz-security-token') !== TEST_AWS.sessionToken) {
      return fault('UnrecognizedClientException', 'The security token included in the request is invalid.');
    }
    const { Name, WithDecryption } = JSON.parse(body) as { Name: string; WithDecryption?: boolean };
    calls.push(Name);
    if (!(Name in parameters)) return fault('ParameterNotFound', `Parameter ${Name} not found.`);
    return Response.json(
      {
        Parameter: {
          Name,
          Type: 'SecureString',
          Value: WithDecryption ? parameters[Name] : 'AQICAH-encrypted',
          Version: 1,
        },
      },
      { headers: { 'content-type': 'application/x-amz-json-1.1' } },
    );
  });
  return { endpoint: `${server.url}/`, calls, close: () => server.close() };
}
