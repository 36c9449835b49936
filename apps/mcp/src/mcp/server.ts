/**
 * @module The MCP side of `POST /mcp`: a fresh McpServer and stateless web-standard transport per
 * request (Lambda has no session affinity, and a stateless transport cannot be reused), JSON responses,
 * the tools bound to the caller. Imported lazily, so discovery requests never load the SDK or the wiki.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { objectFromShape } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import { ListToolsRequestSchema, type CallToolResult, type ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { Author, WikiApi } from '@wikibot/wiki-core';
import type { Principal } from '../auth/bearer.js';
import { inputObject, type ToolDefinition } from '../tools/define.js';
import { TOOLS } from '../tools/index.js';
import { answerToolListing } from './listing-shortcut.js';

/** What one MCP request is served with. */
export interface McpRequestContext {
  readonly principal: Principal;
  readonly resourceUrl: string;
  /** Tools the request calls (`tools/call` names); only these are registered on the per-request server. */
  readonly toolNames: readonly string[];
  /** The MCP client, for commit trailers. */
  readonly clientName: string;
  /** Opens (once per container) the wiki. */
  readonly wiki: () => Promise<WikiApi>;
  readonly author: () => Promise<Author>;
  /** What a read-only caller is told when calling a write tool. */
  readonly writeRefusal: string;
  /** Logs an unexpected tool failure. */
  readonly onError: (where: string, error: unknown) => void;
}

const SERVER_INFO = { name: 'wikibot', version: '1.0.0' } as const;
const INSTRUCTIONS =
  'wikibot is a git-backed Markdown wiki (Otterwiki layout). ' +
  'Page paths look like "Projects/Roadmap"; pages link with ' +
  '[[Page]] or [[Label|Page]]. Read before you write; to change ' +
  'part of a page use edit_note rather than rewriting it ' +
  'with write_note.';

// One per container: the SDK's Server otherwise builds a new Ajv, with its formats and meta-schemas, on
// every request (23% of a warm tools/list in the benchmark's profile).
const jsonSchemaValidator = new AjvJsonSchemaValidator();

const text = (value: string, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: value }],
  ...(isError ? { isError } : {}),
});

/** A tool's description as a caller with `access` sees it. */
function describe(tool: ToolDefinition, access: 'read' | 'write'): string {
  return tool.access === 'write' && access !== 'write'
    ? `(Unavailable to you: you have read-only access.) ${tool.description}`
    : tool.description;
}

const listings = new Map<'read' | 'write', ListToolsResult>();
const serialisedListings = new Map<'read' | 'write', string>();

/**
 * The `tools/list` result for callers with `access`, computed once per container with the SDK's own
 * zod → JSON Schema conversion (what McpServer would compute on every request).
 */
function toolListing(access: 'read' | 'write'): ListToolsResult {
  let listing = listings.get(access);
  if (!listing) {
    listing = {
      tools: TOOLS.map((tool) => ({
        name: tool.name,
        title: tool.title,
        description: describe(tool, access),
        inputSchema: toJsonSchemaCompat(inputObject(tool), {
          strictUnions: true,
          pipeStrategy: 'input',
        }) as ListToolsResult['tools'][number]['inputSchema'],
        ...(tool.outputSchema
          ? {
              outputSchema: toJsonSchemaCompat(objectFromShape(tool.outputSchema), {
                strictUnions: true,
                pipeStrategy: 'output',
              }) as ListToolsResult['tools'][number]['outputSchema'],
            }
          : {}),
        annotations: tool.annotations,
        execution: { taskSupport: 'forbidden' },
      })),
    };
    listings.set(access, listing);
  }
  return listing;
}

/** The listing's JSON for callers with `access`, serialised once per container. */
function serialisedListing(access: 'read' | 'write'): string {
  let json = serialisedListings.get(access);
  if (json === undefined) serialisedListings.set(access, (json = JSON.stringify(toolListing(access))));
  return json;
}

function register(server: McpServer, tool: ToolDefinition, context: McpRequestContext): void {
  const readOnly = tool.access === 'write' && context.principal.access !== 'write';
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: describe(tool, context.principal.access),
      inputSchema: inputObject(tool),
      ...(tool.outputSchema ? { outputSchema: tool.outputSchema } : {}),
      annotations: tool.annotations,
    },
    async (args: Record<string, unknown>): Promise<CallToolResult> => {
      if (readOnly)
        return text(`${context.writeRefusal} ${tool.name} needs write access; the read tools still work.`, true);
      try {
        const wiki = await context.wiki();
        const output = await tool.run(args as never, {
          wiki,
          principal: context.principal,
          clientName: context.clientName,
          author: context.author,
        });
        return { ...text(output.text), ...(output.structured ? { structuredContent: output.structured } : {}) };
      } catch (error) {
        // Loaded on failure only: it imports wiki-core's error classes, which initialize and tools/list never need.
        const { internalErrorText, toolErrorText } = await import('../tools/errors.js');
        const known = toolErrorText(error, tool.name);
        if (known) return text(known, true);
        context.onError(`tool ${tool.name} failed`, error);
        return text(internalErrorText(tool.name), true);
      }
    },
  );
}

/** Answers one MCP POST (already authenticated, body already parsed). */
export async function handleMcpRequest(
  request: Request,
  parsedBody: unknown,
  context: McpRequestContext,
): Promise<Response> {
  const listing = answerToolListing(request, parsedBody, () => serialisedListing(context.principal.access));
  if (listing) return listing;
  const readOnlyNote =
    context.principal.access === 'write' ? '' : ' You have read-only access: only the read tools will work.';
  // Declaring the tools capability installs McpServer's tools/call handler (unknown names still get its
  // "not found" tool error), so only the tools this request calls need registering.
  const server = new McpServer(SERVER_INFO, {
    instructions: INSTRUCTIONS + readOnlyNote,
    capabilities: { tools: { listChanged: true } },
    jsonSchemaValidator,
  });
  for (const tool of TOOLS) if (context.toolNames.includes(tool.name)) register(server, tool, context);
  // Same answer as McpServer's own tools/list, without converting every tool's schemas on every request.
  server.server.setRequestHandler(ListToolsRequestSchema, () => toolListing(context.principal.access));
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    const { principal } = context;
    return await transport.handleRequest(request, {
      parsedBody,
      authInfo: {
        // The bearer token is never handed on: nothing past authentication needs it.
        token: '',
        clientId: principal.clientId ?? principal.kind,
        scopes: [...principal.scopes],
        expiresAt: principal.expiresAt,
        resource: new URL(context.resourceUrl),
        extra: { sub: principal.sub, access: principal.access },
      },
    });
  } finally {
    await server.close();
  }
}
