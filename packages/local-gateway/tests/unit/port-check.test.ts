import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPorts, identifyWikibot, SettingsError } from '../../src/index.js';

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe('checkPorts', () => {
  let other: Server;
  let wikibotLike: Server;

  beforeAll(async () => {
    other = await listen((_req, res) => res.writeHead(404).end('not here'));
    wikibotLike = await listen((req, res) => {
      const port = portOf(wikibotLike);
      if (req.url === '/-/healthz')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      if (req.url === '/.well-known/oauth-protected-resource/mcp') {
        return res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ resource: `http://localhost:${port}/mcp` }));
      }
      res.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await Promise.all([other, wikibotLike].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('passes when both ports are free or 0', async () => {
    await expect(checkPorts({ port: 0, authPort: 0 })).resolves.toBeUndefined();
  });

  it('names the variable and says another program holds the port', async () => {
    // Act
    const check = checkPorts({ port: portOf(other), authPort: 0 });

    // Assess
    await expect(check).rejects.toBeInstanceOf(SettingsError);
    await expect(check).rejects.toThrow(
      new RegExp(`^PORT ${portOf(other)} is in use by another program \\(not wikibot\\): .*set PORT`),
    );
  });

  it('says when the port is held by a wikibot already running', async () => {
    // Act
    const check = checkPorts({ port: 0, authPort: portOf(wikibotLike) });

    // Assess
    await expect(check).rejects.toThrow(
      new RegExp(`^AUTH_PORT ${portOf(wikibotLike)} is taken by a wikibot that is already running`),
    );
    expect(await identifyWikibot(portOf(wikibotLike))).toBe('gateway');
    expect(await identifyWikibot(portOf(other))).toBeUndefined();
  });
});
