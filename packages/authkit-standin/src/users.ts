/**
 * @module The people the stand-in knows: anyone who signs in, plus the members of configured
 * organizations. A user's id is derived from the email, so it is the same on every machine and after
 * every restart, and looks like a WorkOS id (`user_` + 26 Crockford base32 characters).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file.js';

/** A user as the stand-in stores it. */
export interface StandinUser {
  /** `user_...`, stable for an email. */
  readonly id: string;
  /** Lower-cased email address. */
  readonly email: string;
  /** Display name. */
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A WorkOS-like id with `prefix`, derived from `seed` by hashing. */
export function derivedId(prefix: string, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < 26; i += 1) out += CROCKFORD[digest[i] % 32];
  return `${prefix}_${out}`;
}

/**
 * The WorkOS-like user id of an email address (case-insensitive).
 *
 * @example
 * ```ts
 * userIdForEmail('Ada@Example.com') === userIdForEmail('ada@example.com'); // true
 * ```
 */
export function userIdForEmail(email: string): string {
  return derivedId('user', normalizeEmail(email));
}

/** Trims and lower-cases an email address. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A display name for an email when none was given: the local part, words capitalised. */
export function defaultNameForEmail(email: string): string {
  const local = normalizeEmail(email).split('@')[0] ?? email;
  return (
    local
      .split(/[._+-]+/)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' ') || email
  );
}

/** The user directory, persisted to `users.json` when there is a data directory. */
export class UserDirectory {
  readonly #file: string | undefined;
  #users: Record<string, StandinUser>;

  constructor(dataDir: string | undefined) {
    this.#file = dataDir ? join(dataDir, 'users.json') : undefined;
    this.#users = this.#read();
  }

  /** Records a user (creating or renaming it) and returns it. */
  upsert(email: string, name?: string): StandinUser {
    const normalized = normalizeEmail(email);
    const id = userIdForEmail(normalized);
    this.#users = this.#read();
    const existing = this.#users[id];
    const wanted = name?.trim() || existing?.name || defaultNameForEmail(normalized);
    if (existing && existing.name === wanted) return existing;
    const now = new Date().toISOString();
    const user: StandinUser = {
      id,
      email: normalized,
      name: wanted,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    this.#users[id] = user;
    if (this.#file) writeJsonFile(this.#file, this.#users);
    return user;
  }

  /** The user with this id, if known. */
  get(id: string): StandinUser | undefined {
    return this.#users[id] ?? (this.#users = this.#read())[id];
  }

  #read(): Record<string, StandinUser> {
    return (this.#file && readJsonFile<Record<string, StandinUser>>(this.#file)) || { ...(this.#users ?? {}) };
  }
}
