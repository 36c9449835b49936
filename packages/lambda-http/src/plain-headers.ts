/**
 * @module Headers kept in a plain map, with the Fetch standard's rules, for the requests and responses the
 * Lambda adapter builds itself.
 *
 * Why not Node's own `Headers`: Node 22 evaluates its bundled undici (`internal/deps/undici/undici`) the first
 * time any of `Headers`, `Request` or `Response` is touched, and undici's start-up builds the global dispatcher
 * (agent → pool → client, requiring http, http2, tls, net, zlib, perf_hooks, worker_threads, assert, streams):
 * about 40 ms of CPU, measured with `node --cpu-prof` on both cold starts — most of the gap between a bare
 * `node -e 0` (43 ms) and a handler that only builds a Request and answers a Response (102 ms). Why not a
 * library: `headers-polyfill` and `@whatwg-node/node-fetch` both load undici too (72–78 ms for a require and one
 * object, against 28 ms for bare node). So the adapter's own objects keep their headers here, and only a body
 * that must be read as a stream or parsed (formData, blob) builds Node's classes, on first use.
 *
 * The behaviour is Node's (undici 6), pinned by tests/unit/plain-headers.test.ts: names are tokens and are
 * lower-cased; values lose leading and trailing HTTP whitespace and are refused (TypeError) when they still hold
 * NUL, CR or LF, so no header can be injected; `append` joins with ", " (`cookie` with "; ", as undici does);
 * `set-cookie` values are also kept apart for `getSetCookie` and iteration; iteration is sorted by name and sees
 * changes made while it runs.
 * @see https://fetch.spec.whatwg.org/#headers-class
 */

/** What a PlainHeaders can be made from: what `new Headers(init)` takes. */
export type PlainHeadersInit =
  Headers | Iterable<readonly [string, string] | readonly string[]> | Record<string, string>;

/** An RFC 9110 token (visible ASCII except delimiters): what a header name, and a method, must be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether `text` is an RFC 9110 token. */
export const isToken = (text: string): boolean => TOKEN.test(text);
/** Leading or trailing HTTP whitespace (tab, LF, CR, space), which values lose. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
/** What a value may not hold once trimmed: what would end the header line or the string. */
const LINE_BREAKING = /[\0\r\n]/;

/** WebIDL's ByteString: the value as a string, refused if it holds a character above U+00FF. */
function byteString(value: unknown): string {
  if (typeof value === 'symbol') throw new TypeError('A symbol cannot be a header name or value.');
  const text = String(value);
  if (/[^\u0000-\u00ff]/.test(text)) throw new TypeError(`Not a ByteString (a character is above U+00FF): ${text}`);
  return text;
}

function headerName(name: unknown): string {
  const text = byteString(name);
  if (!TOKEN.test(text)) throw new TypeError(`Invalid header name: "${text}"`);
  return text.toLowerCase();
}

function headerValue(value: unknown): string {
  const text = byteString(value).replace(EDGE_WHITESPACE, '');
  if (LINE_BREAKING.test(text)) throw new TypeError(`Invalid header value: ${JSON.stringify(text)}`);
  return text;
}

/**
 * `init` as name/value pairs converted to ByteStrings (WebIDL's HeadersInit conversion): all of it is converted
 * before any pair is checked as a header, so a bad shape throws before a bad name does, as in Node.
 */
export function headersInitPairs(init: unknown): [string, string][] {
  if ((typeof init !== 'object' && typeof init !== 'function') || init === null) {
    throw new TypeError('Headers init must be a sequence of pairs or a record.');
  }
  const iterate = (init as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (typeof iterate === 'function') {
    return [...(init as Iterable<unknown>)].map((pair) => {
      if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null) {
        throw new TypeError('A header pair must be a sequence.');
      }
      const items = [...(pair as Iterable<unknown>)].map(byteString);
      if (items.length !== 2) throw new TypeError(`A header pair has ${items.length} items instead of 2.`);
      return [items[0]!, items[1]!];
    });
  }
  const record = init as Record<string, unknown>;
  if (Object.getOwnPropertySymbols(record).length > 0) throw new TypeError('A symbol cannot be a header name.');
  return Object.getOwnPropertyNames(record).map((key) => [byteString(key), byteString(record[key])]);
}

/**
 * A `Headers` that lives in a plain map and never loads undici.
 *
 * @example
 * ```ts
 * const headers = new PlainHeaders({ 'Content-Type': 'text/html' });
 * headers.append('set-cookie', 'a=1');
 * headers.get('content-type'); // 'text/html'
 * ```
 */
export class PlainHeaders implements Headers {
  /** Lower-cased name → the value (repeated names already joined). */
  readonly #values = new Map<string, string>();
  /** Every `set-cookie` value, in order: they are never joined on the wire. */
  #cookies: string[] = [];
  /** The sorted pairs iteration gives, until the next change. */
  #sorted: [string, string][] | undefined;

  constructor(init?: PlainHeadersInit) {
    if (init === undefined) return;
    for (const [name, value] of headersInitPairs(init)) this.append(name, value);
  }

  append(name: string, value: string): void {
    const key = headerName(name);
    const normalised = headerValue(value);
    const existing = this.#values.get(key);
    const separator = key === 'cookie' ? '; ' : ', ';
    this.#values.set(key, existing === undefined ? normalised : `${existing}${separator}${normalised}`);
    if (key === 'set-cookie') this.#cookies.push(normalised);
    this.#sorted = undefined;
  }

  set(name: string, value: string): void {
    const key = headerName(name);
    const normalised = headerValue(value);
    this.#values.set(key, normalised);
    if (key === 'set-cookie') this.#cookies = [normalised];
    this.#sorted = undefined;
  }

  delete(name: string): void {
    const key = headerName(name);
    if (!this.#values.delete(key)) return;
    if (key === 'set-cookie') this.#cookies = [];
    this.#sorted = undefined;
  }

  get(name: string): string | null {
    return this.#values.get(headerName(name)) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(headerName(name));
  }

  getSetCookie(): string[] {
    return [...this.#cookies];
  }

  forEach(callbackfn: (value: string, key: string, parent: Headers) => void, thisArg: unknown = globalThis): void {
    if (typeof callbackfn !== 'function') throw new TypeError('Headers.forEach needs a function.');
    for (const [name, value] of this.entries()) callbackfn.call(thisArg, value, name, this);
  }

  entries(): IterableIterator<[string, string]> {
    return new PairIterator(
      () => this.#pairs(),
      (pair) => [pair[0], pair[1]],
    );
  }

  keys(): IterableIterator<string> {
    return new PairIterator(
      () => this.#pairs(),
      (pair) => pair[0],
    );
  }

  values(): IterableIterator<string> {
    return new PairIterator(
      () => this.#pairs(),
      (pair) => pair[1],
    );
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** The Fetch standard's "sort and combine": by name, each `set-cookie` value on its own. */
  #pairs(): [string, string][] {
    if (this.#sorted) return this.#sorted;
    const pairs: [string, string][] = [];
    for (const name of [...this.#values.keys()].sort()) {
      if (name === 'set-cookie') for (const cookie of this.#cookies) pairs.push([name, cookie]);
      else pairs.push([name, this.#values.get(name)!]);
    }
    return (this.#sorted = pairs);
  }
}

/**
 * WebIDL's iterator over a pair list: it looks the pairs up again at every step, so it sees changes made while it
 * runs, and one that reached the end yields again once a pair is added, as Node's does (a generator would not).
 */
class PairIterator<T> implements IterableIterator<T> {
  #index = 0;
  readonly #pairs: () => readonly [string, string][];
  readonly #pick: (pair: [string, string]) => T;

  constructor(pairs: () => readonly [string, string][], pick: (pair: [string, string]) => T) {
    this.#pairs = pairs;
    this.#pick = pick;
  }

  next(): IteratorResult<T, undefined> {
    const pairs = this.#pairs();
    if (this.#index >= pairs.length) return { value: undefined, done: true };
    return { value: this.#pick(pairs[this.#index++]!), done: false };
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }
}
