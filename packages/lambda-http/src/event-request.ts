/**
 * @module The Request an API Gateway event describes, without Node's `Request` until its body is needed.
 * Method, URL and headers come straight from the event (headers in a {@link PlainHeaders}); everything else —
 * the body and its readers, `signal`, `clone()` and the rest — is Node's own `Request`, built on first use
 * exactly as the adapter built it before. A page view or a discovery document then never loads undici
 * (why that matters: see plain-headers.ts); a POST whose body is read pays for it then, once per container.
 */
import { rememberRequestBody } from './known-bodies.js';
import type { PlainHeaders } from './plain-headers.js';

/** What the event holds of a request. */
export interface EventRequestParts {
  /** Upper-case method, already checked to be one `new Request` accepts. */
  readonly method: string;
  /** The serialised URL (`URL.href`). */
  readonly url: string;
  readonly headers: PlainHeaders;
  /** The body, when the method may carry one: text as sent, or the decoded bytes of a base64 body. */
  readonly body?: string | Uint8Array;
}

/** A Request whose method, URL and headers are the event's; the rest is delegated to Node's `Request`. */
export class EventRequest implements Request {
  readonly method: string;
  readonly url: string;
  readonly headers: PlainHeaders;
  readonly #body: string | Uint8Array | undefined;
  #platform: Request | undefined;

  constructor(parts: EventRequestParts) {
    this.method = parts.method;
    this.url = parts.url;
    this.headers = parts.headers;
    this.#body = parts.body;
    if (parts.body !== undefined) rememberRequestBody(this, parts.body);
  }

  /** Node's Request for this event, built the first time anything but method, URL or headers is asked for. */
  #request(): Request {
    this.#platform ??= new Request(this.url, { method: this.method, headers: this.headers, body: this.#body });
    return this.#platform;
  }

  get bodyUsed(): boolean {
    // An unbuilt Request's body is unread; building one here would load undici for nothing.
    return this.#platform?.bodyUsed ?? false;
  }
  get body(): Request['body'] {
    return this.#request().body;
  }
  get cache(): Request['cache'] {
    return this.#request().cache;
  }
  get credentials(): Request['credentials'] {
    return this.#request().credentials;
  }
  get destination(): Request['destination'] {
    return this.#request().destination;
  }
  get duplex(): Request['duplex'] {
    return this.#request().duplex;
  }
  get integrity(): string {
    return this.#request().integrity;
  }
  get keepalive(): boolean {
    return this.#request().keepalive;
  }
  get mode(): Request['mode'] {
    return this.#request().mode;
  }
  get redirect(): Request['redirect'] {
    return this.#request().redirect;
  }
  get referrer(): string {
    return this.#request().referrer;
  }
  get referrerPolicy(): Request['referrerPolicy'] {
    return this.#request().referrerPolicy;
  }
  get signal(): AbortSignal {
    return this.#request().signal;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#request().arrayBuffer();
  }
  blob(): ReturnType<Request['blob']> {
    return this.#request().blob();
  }
  /** Node 22's `Request#bytes()` (newer than the types this project compiles against). */
  bytes(): Promise<Uint8Array> {
    return (this.#request() as Request & { bytes(): Promise<Uint8Array> }).bytes();
  }
  formData(): ReturnType<Request['formData']> {
    return this.#request().formData();
  }
  json(): Promise<unknown> {
    return this.#request().json();
  }
  text(): Promise<string> {
    return this.#request().text();
  }
  clone(): Request {
    return this.#request().clone();
  }
}
