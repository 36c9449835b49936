/**
 * The wiki's and MCP server's own settings the stack hands the Lambdas (`WIKI_RETAIN_PAGE_NAME_CASE`,
 * `MCP_ALLOWED_ORIGINS`): read back from the synthesized Terraform JSON and loaded as the Lambdas load them.
 */
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@wikibot/auth-config';
import { createApp } from '@wikibot/mcp';
import { StackConfigError, loadStackConfig } from '../../src/index.js';
import { configFor, resourcesOf, synthesize } from '../helpers/synth.js';

/** Each function's environment variables in the stack synthesized with `overrides`, the MCP function's first. */
function variablesOf(overrides: unknown): Record<string, string>[] {
  const stack = synthesize(configFor('dev', overrides));
  try {
    const functions = resourcesOf(stack.json, 'aws_lambda_function').map(([, fn]) => fn);
    functions.sort((fn) => (String(fn.function_name).endsWith('-mcp') ? -1 : 1));
    return functions.map((fn) => (fn.environment as { variables: Record<string, string> }).variables);
  } finally {
    stack.cleanup();
  }
}

/** The status `/mcp` answers a browser page from `origin`, with the MCP function built from `variables`. */
async function mcpStatusFor(variables: Record<string, string>, origin: string): Promise<number> {
  const app = createApp(loadConfig(variables), { log: () => {} });
  const response = await app.fetch(
    new Request(`${variables.PUBLIC_ORIGIN}/mcp`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    }),
  );
  return response.status;
}

describe('settings of the apps in the stack', () => {
  it('are those of a local run by default: lower-case page files, no browser origin but the wiki', async () => {
    // Act
    const all = variablesOf({});

    // Assess
    expect(all).toHaveLength(2);
    for (const variables of all) {
      expect(variables.WIKI_RETAIN_PAGE_NAME_CASE).toBe('false');
      expect(variables).not.toHaveProperty('MCP_ALLOWED_ORIGINS');
      expect(loadConfig(variables).retainPageNameCase).toBe(false);
    }
    expect(await mcpStatusFor(all[0]!, 'http://localhost:6274')).toBe(403);
  });

  it('hand both functions the configured values, which the Lambdas load', async () => {
    // Act
    const origins = ['http://localhost:6274', 'https://inspector.example.com'];
    const all = variablesOf({ retainPageNameCase: true, mcpAllowedOrigins: origins });

    // Assess
    for (const variables of all) {
      expect(variables).toMatchObject({
        WIKI_RETAIN_PAGE_NAME_CASE: 'true',
        MCP_ALLOWED_ORIGINS: 'http://localhost:6274,https://inspector.example.com',
      });
      const config = loadConfig(variables);
      expect(config.retainPageNameCase).toBe(true);
      expect(config.mcpAllowedOrigins).toEqual(expect.arrayContaining(origins));
    }
    expect(await mcpStatusFor(all[0]!, 'https://inspector.example.com')).toBe(401); // past the Origin check
    expect(await mcpStatusFor(all[0]!, 'https://evil.example.com')).toBe(403);
  });

  it('are set by WIKIBOT_<ENV>_* variables like every other key', () => {
    // Act
    const config = loadStackConfig('prod', {
      WIKIBOT_PROD_RETAIN_PAGE_NAME_CASE: 'true',
      WIKIBOT_PROD_MCP_ALLOWED_ORIGINS: '["http://127.0.0.1:6274"]',
    });

    // Assess
    expect([config.retainPageNameCase, config.mcpAllowedOrigins]).toEqual([true, ['http://127.0.0.1:6274']]);
  });

  it.each([
    [{ retainPageNameCase: 'yes' }, 'dev.retainPageNameCase'],
    [{ mcpAllowedOrigins: 'http://localhost:6274' }, 'dev.mcpAllowedOrigins'],
    [{ mcpAllowedOrigins: ['http://a.example.com,http://b.example.com'] }, 'dev.mcpAllowedOrigins.0'],
    [{ mcpAllowedOrigins: ['http://inspector.example.com'] }, 'dev.mcpAllowedOrigins'],
    [{ mcpAllowedOrigins: ['https://inspector.example.com/app'] }, 'dev.mcpAllowedOrigins'],
  ])('refuse %j at synth, naming the key', (overrides, key) => {
    expect(() => configFor('dev', overrides)).toThrow(StackConfigError);
    expect(() => configFor('dev', overrides)).toThrow(key);
  });
});
