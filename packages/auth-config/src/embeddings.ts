/**
 * @module Semantic search's embedding model settings (Amazon Bedrock Titan Text Embeddings V2, or the local
 * stand-in that speaks its wire format), from the `BEDROCK_*` variables the stack sets.
 */
import { ConfigError } from './errors.js';
import { parseOrigin } from './origin.js';

/** Titan Text Embeddings V2, the model the stack grants `bedrock:InvokeModel` on. */
export const DEFAULT_EMBEDDING_MODEL_ID = 'amazon.titan-embed-text-v2:0';
/** Output sizes Titan V2 offers. */
export const EMBEDDING_DIMENSIONS = [256, 512, 1024] as const;

/** Where and how chunks are embedded. */
export interface EmbeddingsConfig {
  /** `BEDROCK_REGION`, e.g. `eu-west-1`. */
  readonly region: string;
  /** `BEDROCK_EMBEDDING_MODEL_ID` (default {@link DEFAULT_EMBEDDING_MODEL_ID}). */
  readonly modelId: string;
  /** `BEDROCK_EMBEDDING_DIMENSIONS`: 256, 512 (default) or 1024. */
  readonly dimensions: 256 | 512 | 1024;
  /** `BEDROCK_ENDPOINT`: another endpoint (the local stand-in); absent → `https://bedrock-runtime.<region>.amazonaws.com`. */
  readonly endpoint: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The embedding settings, or undefined when `BEDROCK_REGION` is not set (semantic search then answers with keyword
 * results and says so). Throws a {@link ConfigError} naming a variable with a refused value.
 *
 * @example
 * ```ts
 * loadEmbeddingsConfig({ BEDROCK_REGION: 'eu-west-1' });
 * // { region: 'eu-west-1', modelId: 'amazon.titan-embed-text-v2:0', dimensions: 512,
 * //   endpoint: 'https://bedrock-runtime.eu-west-1.amazonaws.com' }
 * ```
 */
export function loadEmbeddingsConfig(env: Env): EmbeddingsConfig | undefined {
  const region = env.BEDROCK_REGION?.trim();
  if (!region) return undefined;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw new ConfigError('BEDROCK_REGION', `"${region}" is not an AWS region`);
  const dimensionsText = env.BEDROCK_EMBEDDING_DIMENSIONS?.trim() || '512';
  const dimensions = Number(dimensionsText);
  if (!(EMBEDDING_DIMENSIONS as readonly number[]).includes(dimensions)) {
    throw new ConfigError('BEDROCK_EMBEDDING_DIMENSIONS', `must be 256, 512 or 1024, not "${dimensionsText}"`);
  }
  const modelId = env.BEDROCK_EMBEDDING_MODEL_ID?.trim() || DEFAULT_EMBEDDING_MODEL_ID;
  if (!/^[\w.:-]+$/.test(modelId))
    throw new ConfigError('BEDROCK_EMBEDDING_MODEL_ID', `"${modelId}" is not a model id`);
  const override = env.BEDROCK_ENDPOINT?.trim();
  const endpoint = override
    ? parseOrigin(override.replace(/\/+$/, ''), 'BEDROCK_ENDPOINT').origin
    : `https://bedrock-runtime.${region}.amazonaws.com`;
  return { region, modelId, dimensions: dimensions as EmbeddingsConfig['dimensions'], endpoint };
}
