/**
 * @module The one interface semantic search embeds text through. wiki-core knows no model and no network: the
 * Bedrock client (`@wikibot/bedrock`) implements it on AWS and, pointed at the local stand-in, everywhere else.
 */

/** Why a text is embedded; some models embed queries and documents differently. */
export type EmbeddingPurpose = 'document' | 'query';

/** Turns texts into vectors of {@link EmbeddingProvider.dimensions} numbers. */
export interface EmbeddingProvider {
  /**
   * Names the model and its settings, e.g. `amazon.titan-embed-text-v2:0/512`. Stored with the vectors: a store
   * made by another model is thrown away and rebuilt, since vectors of two models cannot be compared.
   */
  readonly id: string;
  readonly dimensions: number;
  /**
   * One vector per text, in order. Throws when the model cannot be reached (semantic search then falls back to
   * lexical results); it may batch, limit concurrency and retry internally.
   */
  embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<Float32Array[]>;
}
