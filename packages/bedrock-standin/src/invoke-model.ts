/**
 * @module One InvokeModel call as Titan Text Embeddings V2 answers it: the request body validated the way Bedrock
 * does (`inputText`, `dimensions` 256/512/1024, `normalize`, `embeddingTypes`; any other key refused), the vector
 * sized to the requested dimensions, the error shapes Bedrock uses (`{"message"}` + `x-amzn-ErrorType`).
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html
 */
import type { SentenceEncoder } from './sentence-encoder.js';

/** Titan V2 accepts up to 50,000 characters (8,192 tokens). */
const MAX_INPUT_CHARS = 50_000;
const KEYS = new Set(['inputText', 'dimensions', 'normalize', 'embeddingTypes']);

/** A Bedrock error response. */
export function bedrockError(status: number, type: string, message: string): Response {
  return Response.json(
    { message },
    { status, headers: { 'x-amzn-ErrorType': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` } },
  );
}

/** Answers an InvokeModel body with the encoder's vector, resized to the requested dimensions. */
export async function invokeTitanEmbedding(body: string, encoder: SentenceEncoder): Promise<Response> {
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(body) as Record<string, unknown>;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('not an object');
  } catch {
    return bedrockError(
      400,
      'ValidationException',
      'Malformed input request, please reformat your input and try again.',
    );
  }
  const extra = Object.keys(input).find((key) => !KEYS.has(key));
  if (extra)
    return bedrockError(
      400,
      'ValidationException',
      `Malformed input request: extraneous key [${extra}] is not permitted`,
    );
  const { inputText, dimensions = 1024, normalize = true, embeddingTypes = ['float'] } = input;
  if (typeof inputText !== 'string' || inputText.length === 0 || inputText.length > MAX_INPUT_CHARS) {
    return bedrockError(
      400,
      'ValidationException',
      'Malformed input request: inputText must be a string of 1 to 50000 characters',
    );
  }
  if (dimensions !== 256 && dimensions !== 512 && dimensions !== 1024) {
    return bedrockError(
      400,
      'ValidationException',
      'Malformed input request: dimensions must be one of [256, 512, 1024]',
    );
  }
  if (typeof normalize !== 'boolean')
    return bedrockError(400, 'ValidationException', 'Malformed input request: normalize must be a boolean');
  if (!Array.isArray(embeddingTypes) || embeddingTypes.some((t) => t !== 'float' && t !== 'binary')) {
    return bedrockError(
      400,
      'ValidationException',
      'Malformed input request: embeddingTypes must be a list of "float" and "binary"',
    );
  }
  const [vector] = (await encoder.embed([inputText])) as [Float32Array];
  const embedding = resize(vector, dimensions, normalize);
  const tokens = tokenCount(inputText);
  const byType: Record<string, number[]> = {};
  if (embeddingTypes.includes('float')) byType.float = embedding;
  if (embeddingTypes.includes('binary')) byType.binary = embedding.map((x) => (x > 0 ? 1 : 0));
  return Response.json(
    { embedding, inputTextTokenCount: tokens, embeddingsByType: byType },
    { headers: { 'x-amzn-bedrock-input-token-count': String(tokens) } },
  );
}

/**
 * The model's vector at the requested size: its first `dims` values when fewer are asked for (Titan V2 is trained
 * so that prefixes work; this model is not, so 256 costs the stand-in more quality than it costs Titan), zeros
 * after it when more are (cosines are unchanged). Then scaled to unit length when `normalize`.
 */
function resize(vector: Float32Array, dims: number, normalize: boolean): number[] {
  const out = Array.from({ length: dims }, (_, i) => vector[i] ?? 0);
  if (!normalize) return out;
  const norm = Math.sqrt(out.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? out : out.map((x) => x / norm);
}

/** An estimate of Titan's token count (words and punctuation marks; Titan's tokenizer is not public). */
function tokenCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).length;
}
