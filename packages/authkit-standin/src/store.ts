/**
 * @module Storage behind oidc-provider's adapter interface: registered clients, grants, sessions,
 * codes and refresh tokens. In memory, or, with a data directory, mirrored to `oidc-store.json` so
 * registered clients and refresh tokens survive a restart. Sized for one developer's machine: the whole
 * file is rewritten on each change, and re-read on a miss so instances sharing a directory see each other.
 */
import { join } from 'node:path';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { readJsonFile, writeJsonFile } from './json-file.js';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds, or null for entries that never expire. */
  expiresAt: number | null;
}

type Models = Record<string, Record<string, Entry>>;

/** Holds every model's entries and hands out oidc-provider adapters over them. */
export class ProviderStore {
  readonly #file: string | undefined;
  #models: Models;

  constructor(dataDir: string | undefined) {
    this.#file = dataDir ? join(dataDir, 'oidc-store.json') : undefined;
    this.#models = this.#read();
  }

  /** An adapter factory for oidc-provider's `adapter` setting. */
  adapterFactory(): (name: string) => Adapter {
    return (name: string) => new StoreAdapter(this, name);
  }

  get(model: string, id: string): AdapterPayload | undefined {
    const entry = this.#live(model, id) ?? (this.#reload(), this.#live(model, id));
    return entry?.payload;
  }

  set(model: string, id: string, payload: AdapterPayload, expiresInSec: number | undefined): void {
    this.#mutate((models) => {
      models[model] ??= {};
      models[model][id] = { payload, expiresAt: expiresInSec ? Date.now() + expiresInSec * 1000 : null };
    });
  }

  delete(model: string, id: string): void {
    this.#mutate((models) => {
      delete models[model]?.[id];
    });
  }

  /** Every live entry of a model. */
  entries(model: string): [string, AdapterPayload][] {
    const now = Date.now();
    return Object.entries(this.#models[model] ?? {})
      .filter(([, e]) => e.expiresAt === null || e.expiresAt > now)
      .map(([id, e]) => [id, e.payload]);
  }

  /** Removes, in every model, the entries belonging to a grant. */
  deleteByGrantId(grantId: string): void {
    this.#mutate((models) => {
      for (const entries of Object.values(models)) {
        for (const [id, entry] of Object.entries(entries)) if (entry.payload.grantId === grantId) delete entries[id];
      }
    });
  }

  #live(model: string, id: string): Entry | undefined {
    const entry = this.#models[model]?.[id];
    if (!entry || (entry.expiresAt !== null && entry.expiresAt <= Date.now())) return undefined;
    return entry;
  }

  #read(): Models {
    return (this.#file && readJsonFile<Models>(this.#file)) || {};
  }

  #reload(): void {
    if (this.#file) this.#models = this.#read();
  }

  #mutate(change: (models: Models) => void): void {
    // Re-read first so a second instance sharing the directory keeps its entries.
    this.#reload();
    change(this.#models);
    if (!this.#file) return;
    const now = Date.now();
    for (const entries of Object.values(this.#models)) {
      for (const [id, entry] of Object.entries(entries))
        if (entry.expiresAt !== null && entry.expiresAt <= now) delete entries[id];
    }
    writeJsonFile(this.#file, this.#models);
  }
}

/** oidc-provider's adapter for one model over a {@link ProviderStore}. */
class StoreAdapter implements Adapter {
  constructor(
    private readonly store: ProviderStore,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    this.store.set(this.model, id, payload, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.model, id);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.store.entries(this.model).find(([, p]) => p.userCode === userCode)?.[1];
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.store.entries(this.model).find(([, p]) => p.uid === uid)?.[1];
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.model, id);
    if (payload)
      this.store.set(this.model, id, { ...payload, consumed: Math.floor(Date.now() / 1000) }, remaining(payload));
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(this.model, id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    this.store.deleteByGrantId(grantId);
  }
}

function remaining(payload: AdapterPayload): number | undefined {
  return payload.exp ? Math.max(1, payload.exp - Math.floor(Date.now() / 1000)) : undefined;
}
