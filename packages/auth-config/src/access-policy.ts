/**
 * @module Who may read and who may edit the wiki. Signing in proves who someone is; anyone can sign up
 * on an AuthKit instance, so every environment names the people, email domains or WorkOS organization
 * it admits. The policy is data; the identity package resolves organization membership against it.
 */
import * as z from 'zod/mini';
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

// zod/mini: the same validator, tree-shakable, so every Lambda that loads the config stays small.
const entry = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.refine((v) => v === '*' || /^[^@\s]*@[^@\s]+\.[^@\s]+$/.test(v), {
    message: 'must be an email address, "@domain" or "*"',
  }),
);

const policySchema = z
  .strictObject({
    writers: z._default(z.array(entry), []),
    readers: z._default(z.array(entry), []),
    organization: z.optional(
      z.strictObject({
        id: z.string().check(z.regex(/^org_[A-Za-z0-9]+$/, 'must be a WorkOS organization id (org_...)')),
        access: z._default(z.enum(['read', 'write']), 'write'),
      }),
    ),
    contact: z.optional(z.string().check(z.trim(), z.minLength(1))),
  })
  .check(
    z.refine((p) => p.writers.length + p.readers.length > 0 || p.organization !== undefined, {
      message: 'admits nobody: list writers, readers or an organization',
    }),
  );

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
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(setting, `${issue.path.join('.') || 'policy'} ${issue.message}`);
  }
  return parsed.data;
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
  const ask = policy.contact ? `Ask ${policy.contact} for access.` : 'Ask the wiki\'s administrator for access.';
  return `${subject} signed in but not allowed to ${wanted} this wiki. ${ask}`;
}
