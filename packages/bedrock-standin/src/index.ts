/**
 * @wikibot/bedrock-standin — a local Amazon Bedrock InvokeModel endpoint for Titan Text Embeddings V2, backed by a
 * real sentence-embedding model from npm. Anything exported here is public API of the package.
 * @module
 */
export { startBedrockStandin, type BedrockStandin, type BedrockStandinOptions } from './standin.js';
export { universalSentenceEncoder, type SentenceEncoder } from './sentence-encoder.js';
export type { KnownCredentials } from './sigv4.js';
