import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/index.js';

const base = {
  PUBLIC_ORIGIN: 'https://dev.wikibot.io',
  AUTHKIT_DOMAIN: 'https://example.authkit.app',
  ACCESS_POLICY: '{"writers":["@example.com"]}',
  WIKI_DATA_DIR: '/mnt/wiki/repo',
};

describe('Setting: MCP_ALLOWED_ORIGINS', () => {
  it('allows only the public origin by default', () => {
    expect(loadConfig(base).mcpAllowedOrigins).toEqual(['https://dev.wikibot.io']);
  });

  it('allows the local system under each of its loopback names', () => {
    // Act
    const origins = loadConfig({ ...base, PUBLIC_ORIGIN: 'http://localhost:8787' }).mcpAllowedOrigins;
    // Assess
    expect(origins).toEqual(['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']);
  });

  it('adds a comma-separated list of browser clients, canonicalised', () => {
    // Act
    const origins = loadConfig({
      ...base,
      MCP_ALLOWED_ORIGINS: ' http://localhost:6274 , https://Inspector.Example.com:443/ ',
    }).mcpAllowedOrigins;
    // Assess
    expect(origins).toEqual(['https://dev.wikibot.io', 'http://localhost:6274', 'https://inspector.example.com']);
  });

  it.each([
    '*',
    'http://inspector.example.com',
    'https://inspector.example.com/path',
    'null',
    'localhost:6274',
    'https://a.example,,x',
  ])('refuses %j, naming the variable', (value) => {
    const act = () => loadConfig({ ...base, MCP_ALLOWED_ORIGINS: value });
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/^MCP_ALLOWED_ORIGINS: /);
  });
});
