/**
 * @module Remembers, per container, the name each MCP client gave in `initialize` (its clientInfo), so
 * later stateless requests from the same user and OAuth client can name it in commit trailers. Best
 * effort: another container falls back to the OAuth client id.
 */

/** A bounded map from (user, OAuth client) to the client's self-reported name. */
export class ClientNames {
  readonly #names = new Map<string, string>();
  readonly #max: number;

  constructor(max = 1000) {
    this.#max = max;
  }

  /** Records `name` for the pair, evicting the oldest entry beyond the bound. */
  remember(sub: string, clientId: string | undefined, name: string): void {
    const key = `${sub} ${clientId ?? ''}`;
    this.#names.delete(key);
    this.#names.set(key, name);
    if (this.#names.size > this.#max) this.#names.delete(this.#names.keys().next().value as string);
  }

  /** The remembered name, if this container saw the client initialize. */
  lookup(sub: string, clientId: string | undefined): string | undefined {
    return this.#names.get(`${sub} ${clientId ?? ''}`);
  }
}
