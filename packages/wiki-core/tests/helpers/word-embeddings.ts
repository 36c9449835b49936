/**
 * A small real embedding for engine tests: feature-hashed bag of words (each word adds 1 to one of 64
 * dimensions). Texts sharing words are near, texts sharing none are orthogonal — enough to test ranking, upkeep
 * and storage without a model. The model itself is tested in @wikibot/bedrock against the stand-in.
 */
import type { EmbeddingProvider, EmbeddingPurpose } from '../../src/index.js';

export class WordEmbeddings implements EmbeddingProvider {
  readonly id: string = 'test/hashed-words-64';
  readonly dimensions = 64;
  /** Every document text embedded so far (queries are not recorded). */
  readonly embedded: string[] = [];
  /** When set, `embed` rejects with it (an unreachable model). */
  failure: Error | null = null;
  /** When set, `embed` waits for it first (a slow model). */
  gate: Promise<void> | null = null;

  async embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
    if (purpose === 'document') this.embedded.push(...texts);
    return texts.map((text) => {
      const vector = new Float32Array(this.dimensions);
      for (const word of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) vector[hash(word) % this.dimensions]! += 1;
      return vector;
    });
  }
}

function hash(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}
