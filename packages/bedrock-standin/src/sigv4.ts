/**
 * @module Checks the SigV4 `Authorization` header of an InvokeModel request: always its shape (algorithm,
 * credential scope for service `bedrock`, signed headers including host and x-amz-date, a 64-hex signature);
 * and, when the stand-in is given the secret key (tests), the signature itself, by signing the request again.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */
import { AwsV4Signer } from 'aws4fetch';

/** Credentials whose signatures the stand-in verifies exactly. */
export interface KnownCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Why a request's signature is refused, or null when it is accepted. */
export async function signatureProblem(
  request: { method: string; url: string; headers: Headers; body: string },
  region: string,
  known?: KnownCredentials,
): Promise<string | null> {
  const authorization = request.headers.get('authorization') ?? '';
  const match = AUTHORIZATION.exec(authorization);
  if (!match)
    return 'Authorization header is missing or is not AWS4-HMAC-SHA256 with Credential, SignedHeaders and Signature';
  const [, keyId, date, scopeRegion, service, signedHeaders] = match as unknown as string[];
  const datetime = request.headers.get('x-amz-date') ?? '';
  if (!/^\d{8}T\d{6}Z$/.test(datetime) || datetime.slice(0, 8) !== date)
    return 'X-Amz-Date is missing or does not match the credential scope';
  if (service !== 'bedrock') return `credential scope names service "${service}", expected "bedrock"`;
  if (scopeRegion !== region) return `credential scope names region "${scopeRegion}", expected "${region}"`;
  const signed = signedHeaders!.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date'))
    return 'SignedHeaders must include host and x-amz-date';
  if (!known) return null;
  if (keyId !== known.accessKeyId) return 'The security token included in the request is invalid.';
  const expected = await new AwsV4Signer({
    method: request.method,
    url: request.url,
    headers: [...request.headers].filter(([name]) => signed.includes(name) && name !== 'host'),
    body: request.body,
    accessKeyId: known.accessKeyId,
    secretAccessKey: known.secretAccessKey,
    sessionToken: request.headers.get('x-amz-security-token') ?? undefined,
    service: 'bedrock',
    region,
    datetime,
  }).authHeader();
  return expected === authorization
    ? null
    : 'The request signature we calculated does not match the signature you provided.';
}
