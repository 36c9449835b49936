/**
 * @module Semantic search's {@link EmbeddingProvider} on Amazon Bedrock Titan Text Embeddings V2. Titan embeds one
 * text per InvokeModel call, so a batch becomes parallel calls, at most `concurrency` at a time; each is retried
 * with backoff. After repeated failures the provider fails fast for a while (a Bedrock outage then costs a search
 * nothing: it answers with keyword results at once).
 */
import type { EmbeddingsConfig } from '@wikibot/auth-config';
import type { AwsAccess } from '@wikibot/identity';
import type { EmbeddingProvider, EmbeddingPurpose } from '@wikibot/wiki-core';
import { AwsClient } from 'aws4fetch';
import { BedrockCircuitOpenError, BedrockError } from './errors.js';
import { invokeTitan, type InvokeOptions } from './invoke-model.js';

/** Options of {@link createTitanEmbeddings}. */
export interface TitanEmbeddingsOptions {
  /** Model, dimensions, region and endpoint (from `loadConfig(env).embeddings`). */
  readonly config: EmbeddingsConfig;
  /** The caller's credentials (the Lambda role's; placeholders against the local stand-in). */
  readonly aws: AwsAccess;
  /** InvokeModel calls in flight at once (default 8). */
  readonly concurrency?: number;
  /** Retries of a document embedding (default 4; a query gets 1, since a search should not wait long). */
  readonly retries?: number;
  /** First backoff in ms (default 100). */
  readonly backoffMs?: number;
  /** Consecutive failed calls that open the circuit (default 3), and for how long (default 30 s). */
  readonly failuresToOpen?: number;
  readonly openMs?: number;
}

/**
 * The Titan V2 embedding provider.
 *
 * @example
 * ```ts
 * const config = loadConfig(process.env);
 * const aws = awsAccessFromEnv(process.env)!;
 * const embeddings = config.embeddings && createTitanEmbeddings({ config: config.embeddings, aws });
 * const wiki = await Wiki.open({ dir: config.dataDir, embeddings });
 * ```
 */
export function createTitanEmbeddings(options: TitanEmbeddingsOptions): EmbeddingProvider {
  const { config } = options;
  const client = new AwsClient({ ...options.aws, service: 'bedrock', region: config.region, retries: 0 });
  const limit = limiter(options.concurrency ?? 8);
  const failuresToOpen = options.failuresToOpen ?? 3;
  const openMs = options.openMs ?? 30_000;
  let failures = 0;
  let openUntil = 0;
  let lastFailure: unknown = null;

  const call = async (text: string, purpose: EmbeddingPurpose): Promise<Float32Array> => {
    const remaining = openUntil - Date.now();
    if (remaining > 0) throw new BedrockCircuitOpenError(remaining, lastFailure);
    const invoke: InvokeOptions = {
      endpoint: config.endpoint,
      modelId: config.modelId,
      dimensions: config.dimensions,
      retries: purpose === 'query' ? 1 : (options.retries ?? 4),
      timeoutMs: purpose === 'query' ? 3_000 : 10_000,
      backoffMs: options.backoffMs ?? 100,
    };
    try {
      const vector = await invokeTitan(client, text, invoke);
      failures = 0;
      return vector;
    } catch (error) {
      lastFailure = error;
      if (error instanceof BedrockError && error.retryable && ++failures >= failuresToOpen)
        openUntil = Date.now() + openMs;
      throw error;
    }
  };

  return {
    id: `${config.modelId}/${config.dimensions}`,
    dimensions: config.dimensions,
    embed: (texts, purpose) => Promise.all(texts.map((text) => limit(() => call(text, purpose)))),
  };
}

/**
 * The provider the apps open their wiki with: Titan when `BEDROCK_*` is configured and credentials are at hand
 * (on Lambda its role's; locally the gateway's placeholders), else undefined (keyword results with a note).
 */
export function titanEmbeddingsFor(
  config: EmbeddingsConfig | undefined,
  aws: AwsAccess | undefined,
): EmbeddingProvider | undefined {
  return config && aws ? createTitanEmbeddings({ config, aws }) : undefined;
}

/** Runs at most `max` tasks at once, the rest in arrival order. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
