/**
 * @wikibot/bedrock — the embedding provider of semantic search: Titan Text Embeddings V2 on Amazon Bedrock (or the
 * local stand-in that speaks its wire format). Anything exported here is public API of the package.
 * @module
 */
export { createTitanEmbeddings, titanEmbeddingsFor, type TitanEmbeddingsOptions } from './titan-embeddings.js';
export { BedrockError, BedrockCircuitOpenError } from './errors.js';
