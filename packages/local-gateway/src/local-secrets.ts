/**
 * @module Secrets of the local system, generated once and kept under the data directory so a restart
 * (or a second instance sharing the directory) keeps sessions and keys valid. Never used on Lambda,
 * where every secret comes from SSM.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The local secret values. */
export interface LocalSecrets {
  /** Signs the wiki's session cookies (`SESSION_SECRET`). */
  sessionSecret: string;
  /** Static key for MCP clients without OAuth, e.g. Claude Code (`MCP_API_KEY`). */
  mcpApiKey: string;
  /** The wiki's OIDC client secret in the stand-in (`AUTHKIT_CLIENT_SECRET`). */
  wikiClientSecret: string;
}

function generate(): LocalSecrets {
  return {
    sessionSecret: randomBytes(32).toString('base64url'),
    mcpApiKey: `wbk_local_${randomBytes(24).toString('base64url')}`,
    wikiClientSecret: randomBytes(24).toString('base64url'),
  };
}

/** Reads `file`, creating it with fresh values (mode 0600) when absent or incomplete. */
export function loadLocalSecrets(file: string): LocalSecrets {
  let stored: Partial<LocalSecrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  } catch {
    // first start
  }
  const secrets = { ...generate(), ...stored };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      // `wx`: a second instance starting at the same moment keeps the first one's values.
      writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, {
        mode: 0o600,
        flag: Object.keys(stored).length ? 'w' : 'wx',
      });
    } catch {
      return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
    }
  }
  return secrets;
}
