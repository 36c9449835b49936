/**
 * @module Feature-hashed bag of words: an embedding that costs nothing to compute, so speed figures are the engine's
 * alone (chunking, store, scoring, snippets). {@link HashedWords.as} gives it another provider's id and size: the
 * bench then builds a store the real provider (Titan through the stand-in) accepts as its own, without embedding
 * 10,000 pages with the local model (about 30,000 chunks at ~150 ms each on this machine).
 */
import type { EmbeddingProvider } from '@wikibot/wiki-core';

export class HashedWords implements EmbeddingProvider {
  constructor(
    readonly id = 'bench/hashed-words-512',
    readonly dimensions = 512,
  ) {}

  /** The same vectors under `provider`'s id and dimensions (synthesized: they are not that model's vectors). */
  static as(provider: Pick<EmbeddingProvider, 'id' | 'dimensions'>): HashedWords {
    return new HashedWords(provider.id, provider.dimensions);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => {
      const v = new Float32Array(this.dimensions);
      for (const w of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) {
        let h = 2166136261;
        for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
        v[(h >>> 0) % this.dimensions]! += 1;
      }
      return v;
    });
  }
}
