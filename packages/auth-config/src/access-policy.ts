/**
 * @module Who may read and who may edit the wiki. Signing in proves who someone is; anyone can sign up
 * on an AuthKit instance, so every environment names the people, email domains or WorkOS organization
 * it admits. The policy is data; the identity package resolves organization membership against it.
 */
import { ConfigError } from './errors.js';

/** What a signed-in user may do. */
export type AccessLevel = 'none' | 'read' | 'write';

/**
 * An environment's access policy.
 * Entries of `writers`/`readers`: `alice@example.com` (one address), `@example.com` (a domain),
 * or `*` (everyone the issuer signs in; meant for a developer's own machine).
 */
export interface AccessPolicy {
  readonly writers: readonly string[];
  readonly readers: readonly string[];
  /** Members of this WorkOS organization are admitted at `access`. */
  readonly organization?: { readonly id: string; readonly access: 'read' | 'write' };
  /** Whom to ask for access, named in refusals. */
  readonly contact?: string;
}

const ENTRY = /^[^@\s]*@[^@\s]+\.[^@\s]+$/;
const ORGANIZATION_ID = /^org_[A-Za-z0-9]+$/;

/*
 * Validated by hand rather than with zod: the policy has four fields, and even zod/mini brings ~400 KB of
 * core and locales into every Lambda's cold start (measured: 53 ms of the MCP discovery path).
 */
class PolicyShapeError extends Error {}

function invalid(path: string, message: string): never {
  throw new PolicyShapeError(`${path} ${message}`);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  if (extra !== undefined) invalid(path, `has an unknown key "${extra}" (allowed: ${allowed.join(', ')})`);
}

function entries(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalid(path, 'must be a list');
  return value.map((item, i) => {
    if (typeof item !== 'string') invalid(`${path}.${i}`, 'must be a string');
    const normalized = item.trim().toLowerCase();
    if (normalized !== '*' && !ENTRY.test(normalized))
      invalid(`${path}.${i}`, 'must be an email address, "@domain" or "*"');
    return normalized;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toPolicy(raw: unknown): AccessPolicy {
  if (!isRecord(raw)) invalid('policy', 'must be a JSON object');
  onlyKeys(raw, ['writers', 'readers', 'organization', 'contact'], 'policy');
  const writers = entries(raw.writers, 'writers');
  const readers = entries(raw.readers, 'readers');
  let organization: AccessPolicy['organization'];
  if (raw.organization !== undefined) {
    const org = raw.organization;
    if (!isRecord(org)) invalid('organization', 'must be an object like {"id":"org_..."}');
    onlyKeys(org, ['id', 'access'], 'organization');
    if (typeof org.id !== 'string' || !ORGANIZATION_ID.test(org.id))
      invalid('organization.id', 'must be a WorkOS organization id (org_...)');
    const access = org.access ?? 'write';
    if (access !== 'read' && access !== 'write') invalid('organization.access', 'must be "read" or "write"');
    organization = { id: org.id, access };
  }
  let contact: string | undefined;
  if (raw.contact !== undefined) {
    if (typeof raw.contact !== 'string' || !raw.contact.trim()) invalid('contact', 'must be a non-empty string');
    contact = raw.contact.trim();
  }
  if (writers.length + readers.length === 0 && !organization)
    invalid('policy', 'admits nobody: list writers, readers or an organization');
  return { writers, readers, ...(organization ? { organization } : {}), ...(contact ? { contact } : {}) };
}

/**
 * Parses `ACCESS_POLICY` (JSON). An environment without a policy refuses to start rather than serve an
 * open wiki.
 *
 * @example
 * ```ts
 * parseAccessPolicy('{"writers":["@example.com"],"readers":["*"]}');
 * ```
 */
export function parseAccessPolicy(json: string | undefined, setting = 'ACCESS_POLICY'): AccessPolicy {
  if (!json?.trim()) {
    throw new ConfigError(
      setting,
      'is required: say who may use this wiki, e.g. {"writers":["@example.com"]} or {"organization":{"id":"org_..."}}',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw new ConfigError(setting, 'is not valid JSON', { cause });
  }
  try {
    return toPolicy(raw);
  } catch (error) {
    if (error instanceof PolicyShapeError) throw new ConfigError(setting, error.message);
    throw error;
  }
}

function matches(entries: readonly string[], email: string | undefined): boolean {
  if (entries.includes('*')) return true;
  if (!email) return false;
  const address = email.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@'));
  return entries.some((e) => e === address || (e.startsWith('@') && e === domain));
}

/**
 * The access a user has by email alone (organization membership is decided by the caller, which can look
 * it up). Only verified emails should be passed in.
 */
export function accessByEmail(policy: AccessPolicy, email: string | undefined): AccessLevel {
  if (matches(policy.writers, email)) return 'write';
  if (matches(policy.readers, email)) return 'read';
  return 'none';
}

/** The higher of two access levels. */
export function maxAccess(a: AccessLevel, b: AccessLevel): AccessLevel {
  const rank = { none: 0, read: 1, write: 2 } as const;
  return rank[a] >= rank[b] ? a : b;
}

/** A refusal message that tells a signed-in user whom to ask. */
export function refusalMessage(policy: AccessPolicy, who: string | undefined, wanted: 'read' | 'write'): string {
  const subject = who ? `${who} is` : 'You are';
  const ask = policy.contact ? `Ask ${policy.contact} for access.` : "Ask the wiki's administrator for access.";
  return `${subject} signed in but not allowed to ${wanted} this wiki. ${ask}`;
}
