import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { startTestIssuer, type TestIssuer } from '@wikibot/identity/testing';
import { createApp } from '../../src/index.js';
import { inputObject } from '../../src/tools/define.js';
import { TOOLS } from '../../src/tools/index.js';
import { RESOURCE, testConfig } from '../helpers/env.js';
import { callTool, mcpRequest } from '../helpers/rpc.js';

describe('tools/list', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.close());

  it('answers exactly what McpServer itself would list for these tools', async () => {
    // Prepare: the SDK's own listing, from a plain McpServer over an in-memory transport.
    const server = new McpServer({ name: 'reference', version: '1' });
    for (const tool of TOOLS) {
      const config = {
        title: tool.title,
        description: tool.description,
        inputSchema: inputObject(tool),
        annotations: tool.annotations,
      };
      server.registerTool(
        tool.name,
        { ...config, ...(tool.outputSchema ? { outputSchema: tool.outputSchema } : {}) },
        async () => ({ content: [] }),
      );
    }
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'reference-client', version: '1' });
    await client.connect(clientSide);
    const expected = await client.listTools();
    const token = await issuer.sign({ sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
    // Act
    const response = await createApp(testConfig(issuer.issuer), { log: () => {} }).fetch(
      mcpRequest('tools/list', {}, token),
    );
    // Assess
    const body = (await response.json()) as { result: unknown };
    expect(body).toEqual({ jsonrpc: '2.0', id: 1, result: expected });
    await client.close();
  });

  it('tells callers of the tools that write page text how links are written', () => {
    // Assess
    for (const name of ['write_note', 'edit_note']) {
      expect(TOOLS.find((tool) => tool.name === name)?.description).toContain('[[Label|Page]]');
    }
  });

  it('advertises the tools capability on initialize although no tool is registered for it', async () => {
    // Prepare
    const token = await issuer.sign({ sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
    const params = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'unit', version: '1' } };
    // Act
    const response = await createApp(testConfig(issuer.issuer), { log: () => {} }).fetch(
      mcpRequest('initialize', params, token),
    );
    // Assess
    const body = (await response.json()) as { result: { capabilities: Record<string, unknown> } };
    expect(body.result.capabilities.tools).toBeDefined();
  });

  it('answers a call to a tool that does not exist with a tool error naming it', async () => {
    // Prepare
    const token = await issuer.sign({ sub: 'user_ada', aud: RESOURCE, email: 'ada@example.com' });
    // Act
    const result = await callTool(createApp(testConfig(issuer.issuer), { log: () => {} }), token, 'drop_database', {});
    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/drop_database/);
  });
});
