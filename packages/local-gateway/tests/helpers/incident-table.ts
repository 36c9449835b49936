/**
 * The incident report's five-row verification table, run over real HTTP against a running system.
 * Each row yields a failure message, or nothing when it passes.
 */
import type { LocalSystem } from '../../src/index.js';
import { initializeRequest } from './local-system.js';

export interface Row {
  name: string;
  failure?: string;
}

async function json(response: Response): Promise<Record<string, unknown> | undefined> {
  if (!/^application\/json/.test(response.headers.get('content-type') ?? '')) return undefined;
  return (await response.json()) as Record<string, unknown>;
}

/** Runs the five checks; `token` is an access token for the MCP resource. */
export async function runIncidentTable(local: LocalSystem, token: string): Promise<Row[]> {
  const rows: Row[] = [];
  const check = async (name: string, run: () => Promise<string | undefined>) => {
    try {
      rows.push({ name, failure: await run() });
    } catch (error) {
      rows.push({ name, failure: String(error) });
    }
  };

  await check("GET /.well-known/oauth-authorization-server → the stand-in's metadata", async () => {
    const response = await fetch(`${local.url}/.well-known/oauth-authorization-server`);
    const forwarded = await json(response);
    const original = (await (await fetch(`${local.issuer}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    if (response.status !== 200 || !forwarded)
      return `status ${response.status}, content-type ${response.headers.get('content-type')}`;
    if (JSON.stringify(forwarded) !== JSON.stringify(original))
      return `metadata differs: ${JSON.stringify(forwarded).slice(0, 200)}`;
    return undefined;
  });

  await check('GET /.well-known/oauth-protected-resource/mcp → resource and authorization server', async () => {
    const response = await fetch(`${local.url}/.well-known/oauth-protected-resource/mcp`);
    const prm = await json(response);
    if (response.status !== 200 || !prm)
      return `status ${response.status}, content-type ${response.headers.get('content-type')}`;
    if (prm.resource !== local.mcpUrl) return `resource is ${String(prm.resource)}, not ${local.mcpUrl}`;
    if (JSON.stringify(prm.authorization_servers) !== JSON.stringify([local.issuer]))
      return `authorization_servers is ${JSON.stringify(prm.authorization_servers)}`;
    return undefined;
  });

  await check('POST /mcp without auth → 401 with resource_metadata', async () => {
    const response = await fetch(local.mcpUrl, initializeRequest());
    const challenge = response.headers.get('www-authenticate') ?? '';
    if (response.status !== 401) return `status ${response.status}`;
    if (!challenge.includes(`resource_metadata="${local.url}/.well-known/oauth-protected-resource/mcp"`))
      return `WWW-Authenticate: ${challenge}`;
    return undefined;
  });

  await check('POST /mcp with a bearer token → initialize 200', async () => {
    const response = await fetch(local.mcpUrl, initializeRequest(token));
    const body = await json(response);
    if (response.status !== 200) return `status ${response.status}: ${JSON.stringify(body)}`;
    const result = body?.result as { serverInfo?: { name?: string } } | undefined;
    if (!result?.serverInfo?.name) return `no serverInfo in ${JSON.stringify(body).slice(0, 200)}`;
    return undefined;
  });

  await check('GET /Home → wiki HTML', async () => {
    const response = await fetch(`${local.url}/Home`);
    const text = await response.text();
    if (response.status !== 200) return `status ${response.status}`;
    if (!/^text\/html/.test(response.headers.get('content-type') ?? ''))
      return `content-type ${response.headers.get('content-type')}`;
    if (!/<html/i.test(text) || !/Home/.test(text)) return `not the Home page: ${text.slice(0, 200)}`;
    return undefined;
  });

  return rows;
}
