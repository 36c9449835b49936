/**
 * @module A Response whose body is already held (a string, bytes or nothing), made without Node's `Response`:
 * status, status text and headers (a {@link PlainHeaders}) are plain fields, and `responseToResult` takes the
 * body as it is. Reading the body any other way (`text()`, `json()`, `body`, …) builds Node's `Response` on first
 * use and delegates to it. Why not Node's class on the cold path: see plain-headers.ts. The behaviour is
 * `new Response(body, init)`'s, pinned by tests/unit/plain-response.test.ts.
 */
import { headersInitPairs, PlainHeaders } from './plain-headers.js';

/** A body a plain response can carry. */
export type PlainBody = string | Uint8Array | null;

/** Statuses whose responses can have no body (the Fetch standard's null body statuses within 200–599). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
/** RFC 9110's reason-phrase: tab, space, visible ASCII and obs-text. */
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** WebIDL's `unsigned short`, which `ResponseInit.status` is converted to (so 65736 is 200, as in Node). */
function unsignedShort(value: unknown): number {
  const number = Number(value);
  if (!Number.isFinite(number)) return 0;
  return ((Math.trunc(number) % 65536) + 65536) % 65536;
}

class PlainResponse implements Response {
  readonly status: number;
  readonly statusText: string;
  readonly headers: PlainHeaders;
  readonly type = 'default' as const;
  readonly url = '';
  readonly redirected = false;
  readonly #body: PlainBody;
  #platform: Response | undefined;

  constructor(body: PlainBody, status: number, statusText: string, headers: PlainHeaders) {
    this.#body = body;
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
  }

  /** The body as given, while nothing has read it (nor built Node's Response to read it); else undefined. */
  static unreadBody(response: Response): PlainBody | undefined {
    return response instanceof PlainResponse && response.#platform === undefined ? response.#body : undefined;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  /** Node's Response for this one, built (with the headers as they are now) the first time its body is read. */
  #response(): Response {
    this.#platform ??= new Response(this.#body, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
    return this.#platform;
  }

  get body(): Response['body'] {
    return this.#body === null ? null : this.#response().body;
  }
  get bodyUsed(): boolean {
    return this.#platform?.bodyUsed ?? false;
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#response().arrayBuffer();
  }
  blob(): ReturnType<Response['blob']> {
    return this.#response().blob();
  }
  /** Node 22's `Response#bytes()` (newer than the types this project compiles against). */
  bytes(): Promise<Uint8Array> {
    return (this.#response() as Response & { bytes(): Promise<Uint8Array> }).bytes();
  }
  formData(): ReturnType<Response['formData']> {
    return this.#response().formData();
  }
  json(): Promise<unknown> {
    return this.#response().json();
  }
  text(): Promise<string> {
    return this.#response().text();
  }

  /** A plain copy while the body is untouched (it is never changed, so both share it); else Node's clone. */
  clone(): Response {
    if (this.#platform) return this.#platform.clone();
    return new PlainResponse(this.#body, this.status, this.statusText, new PlainHeaders(this.headers));
  }
}

/**
 * A Response with a body already held, as `new Response(body, init)` makes it — same status checks (RangeError
 * outside 200–599, TypeError for a body on 204/205/304 or a bad status text), same default
 * `content-type: text/plain;charset=UTF-8` for a string — without loading Node's fetch classes.
 * `responseToResult` takes its body without reading a stream. Bytes are copied, as Node copies them.
 *
 * @example
 * ```ts
 * return plainResponse(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
 * ```
 */
export function plainResponse(body: PlainBody = null, init: ResponseInit = {}): Response {
  // Checked in Node's order, so a response wrong in two ways throws the error Node throws.
  const statusText = init.statusText === undefined ? '' : String(init.statusText);
  if (/[^\u0000-\u00ff]/.test(statusText)) throw new TypeError('The status text is not a ByteString.');
  const pairs = init.headers == null ? [] : headersInitPairs(init.headers);
  const status = init.status === undefined ? 200 : unsignedShort(init.status);
  if (status < 200 || status > 599) throw new RangeError(`The status ${status} is outside 200–599.`);
  if (!REASON_PHRASE.test(statusText)) throw new TypeError(`Invalid status text: ${JSON.stringify(statusText)}`);
  const headers = new PlainHeaders(pairs);
  if (body !== null && NULL_BODY_STATUSES.has(status)) {
    throw new TypeError(`A response with status ${status} cannot have a body.`);
  }
  if (typeof body === 'string' && !headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
  const held = typeof body === 'string' || body === null ? body : new Uint8Array(body);
  return new PlainResponse(held, status, statusText, headers);
}

/** The body of a {@link plainResponse} nobody has read yet, as given; undefined for any other Response. */
export const unreadPlainBody = (response: Response): PlainBody | undefined => PlainResponse.unreadBody(response);
