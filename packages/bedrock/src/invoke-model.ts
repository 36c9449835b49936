/**
 * @module One Titan Text Embeddings V2 InvokeModel call, SigV4-signed with aws4fetch (the signer the SSM client in
 * @wikibot/identity uses: one SigV4 implementation in the workspace), retried with exponential backoff and full
 * jitter when Bedrock throttles, fails on its side, or cannot be reached.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html
 */
import type { AwsClient } from 'aws4fetch';
import { BedrockError } from './errors.js';

/** How one call is made. */
export interface InvokeOptions {
  readonly endpoint: string;
  readonly modelId: string;
  readonly dimensions: number;
  /** Attempts after the first one for a retryable failure. */
  readonly retries: number;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** First backoff; doubled per attempt, capped at 2 s, and drawn uniformly below that (full jitter). */
  readonly backoffMs: number;
}

/** Error types worth another attempt (Bedrock's throttling, capacity and server faults). */
const RETRYABLE = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'ServiceQuotaExceededException',
]);

/** The embedding of `text`, normalised to unit length by Bedrock. */
export async function invokeTitan(client: AwsClient, text: string, options: InvokeOptions): Promise<Float32Array> {
  const url = `${options.endpoint}/model/${encodeURIComponent(options.modelId)}/invoke`;
  const body = JSON.stringify({ inputText: text, dimensions: options.dimensions, normalize: true });
  for (let attempt = 0; ; attempt++) {
    try {
      return await invokeOnce(client, url, body, options);
    } catch (error) {
      const failure =
        error instanceof BedrockError ? error : new BedrockError('NetworkError', String(error), true, { cause: error });
      if (!failure.retryable || attempt >= options.retries) throw failure;
      const ceiling = Math.min(2000, options.backoffMs * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}

async function invokeOnce(client: AwsClient, url: string, body: string, options: InvokeOptions): Promise<Float32Array> {
  let response: Response;
  try {
    response = await client.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    const timeout = cause instanceof Error && cause.name === 'TimeoutError';
    throw new BedrockError(
      timeout ? 'Timeout' : 'NetworkError',
      timeout ? `no answer in ${options.timeoutMs} ms` : String(cause),
      true,
      { cause },
    );
  }
  const payload = (await response.json().catch(() => null)) as { embedding?: unknown; message?: unknown } | null;
  if (!response.ok) {
    // Bedrock names the fault in x-amzn-ErrorType ("ThrottlingException:http://…").
    const type = response.headers.get('x-amzn-errortype')?.split(':')[0] || `HTTP ${response.status}`;
    const retryable = RETRYABLE.has(type) || response.status === 429 || response.status >= 500;
    throw new BedrockError(
      type,
      typeof payload?.message === 'string' ? payload.message : response.statusText,
      retryable,
    );
  }
  const embedding = payload?.embedding;
  if (
    !Array.isArray(embedding) ||
    embedding.length !== options.dimensions ||
    embedding.some((x) => typeof x !== 'number')
  ) {
    throw new BedrockError('InvalidResponse', `expected an embedding of ${options.dimensions} numbers`, false);
  }
  return Float32Array.from(embedding as number[]);
}
