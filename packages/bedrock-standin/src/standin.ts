/**
 * @module The Bedrock stand-in: an HTTP server on 127.0.0.1 that speaks InvokeModel (`POST /model/<id>/invoke`)
 * for Titan Text Embeddings V2, so `@wikibot/bedrock`'s production client runs unchanged against it through
 * `BEDROCK_ENDPOINT` — the same pattern as the AuthKit stand-in. Tests can make it fail on purpose.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bedrockError, invokeTitanEmbedding } from './invoke-model.js';
import { signatureProblem, type KnownCredentials } from './sigv4.js';
import { universalSentenceEncoder, type SentenceEncoder } from './sentence-encoder.js';

/** Options of {@link startBedrockStandin}. */
export interface BedrockStandinOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
  /** Region the credential scope must name (default `us-east-1`). */
  readonly region?: string;
  /** Model ids served (default Titan Text Embeddings V2 only). */
  readonly modelIds?: readonly string[];
  /** Verify signatures exactly against these credentials; otherwise only their shape is checked. */
  readonly credentials?: KnownCredentials;
  /** The model (default the Universal Sentence Encoder from npm). */
  readonly encoder?: SentenceEncoder;
}

/** A running stand-in. */
export interface BedrockStandin {
  /** `http://127.0.0.1:<port>`: the `BEDROCK_ENDPOINT` to use. */
  readonly url: string;
  readonly region: string;
  /** InvokeModel calls received (answered or not). */
  readonly calls: number;
  /** Answers the next `times` calls with a Bedrock error, e.g. `(429, 'ThrottlingException')`. */
  failNext(status: number, type: string, times?: number): void;
  close(): Promise<void>;
}

const TITAN_V2 = 'amazon.titan-embed-text-v2:0';
const MAX_BODY_BYTES = 256 * 1024;

/** Starts the stand-in. */
export async function startBedrockStandin(options: BedrockStandinOptions = {}): Promise<BedrockStandin> {
  const region = options.region ?? 'us-east-1';
  const models = new Set(options.modelIds ?? [TITAN_V2]);
  const encoder = options.encoder ?? universalSentenceEncoder();
  const faults: { status: number; type: string }[] = [];
  let calls = 0;

  const answer = async (request: Request, body: string): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' && path === '/health')
      return Response.json({ model: encoder.name, dimensions: encoder.dimensions });
    const invoke = /^\/model\/([^/]+)\/invoke$/.exec(path);
    if (request.method !== 'POST' || !invoke)
      return bedrockError(404, 'UnknownOperationException', 'Unknown operation');
    calls++;
    const problem = await signatureProblem(
      { method: request.method, url: request.url, headers: request.headers, body },
      region,
      options.credentials,
    );
    if (problem) return bedrockError(403, 'UnrecognizedClientException', problem);
    const fault = faults.shift();
    if (fault) return bedrockError(fault.status, fault.type, `Injected ${fault.type}`);
    if (!models.has(decodeURIComponent(invoke[1]!)))
      return bedrockError(400, 'ValidationException', 'The provided model identifier is invalid.');
    if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
      return bedrockError(415, 'UnsupportedMediaTypeException', 'Content-Type must be application/json');
    }
    return invokeTitanEmbedding(body, encoder);
  };

  const server = createServer((req, res) => void handle(req, res, answer));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    region,
    get calls() {
      return calls;
    },
    failNext(status, type, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ status, type });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Adapts node:http to a web-standard Request/Response handler. */
async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  answer: (r: Request, body: string) => Promise<Response>,
): Promise<void> {
  let response: Response;
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw new RangeError('body too large');
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
    });
    response = await answer(request, body);
  } catch (error) {
    response =
      error instanceof RangeError
        ? bedrockError(413, 'ValidationException', 'Input is too large')
        : bedrockError(500, 'InternalServerException', 'The stand-in failed to answer');
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
