/**
 * @module What a tool is: a name and zod input schema as in otterwiki-mcp (the contract users' prompts
 * rely on), MCP annotations, the access it needs, and a `run` that returns text. Definitions are module
 * constants, built once per container; each request binds them to its caller.
 */
import type { z } from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { Author, WikiApi, WriteOptions } from '@wikibot/wiki-core';
import type { Principal } from '../auth/bearer.js';

/** What a tool run knows about the request. */
export interface ToolContext {
  readonly wiki: WikiApi;
  readonly principal: Principal;
  /** The MCP client, named in commit trailers. */
  readonly clientName: string;
  /** The commit author (resolved on first use: token claims, WorkOS, or a fallback). */
  author(): Promise<Author>;
}

/** A tool's definition. */
export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: Shape;
  readonly access: 'read' | 'write';
  readonly annotations: ToolAnnotations;
  run(args: z.infer<z.ZodObject<Shape>>, context: ToolContext): Promise<string>;
}

/** Declares a tool with its argument types inferred from the schema. */
export function defineTool<Shape extends z.ZodRawShape>(definition: ToolDefinition<Shape>): ToolDefinition<Shape> {
  return definition;
}

/** Options of a write: the caller as author, their message, and the MCP client as a trailer. */
export async function writeOptions(context: ToolContext, message: string | undefined): Promise<WriteOptions> {
  return { author: await context.author(), message: present(message), trailers: { 'MCP-Client': context.clientName } };
}

/** otterwiki-mcp sends "" for an omitted optional argument; treat it as absent. */
export function present(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}

/** Clamps an optional limit to 1..max, with a default. */
export function clampLimit(value: number | undefined, fallback: number, max = 200): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.max(1, Math.min(max, Math.trunc(value)));
}

/** One line per revision, with its full id so `read_note(path, revision)` can use it. */
export function formatRevisions(revisions: readonly { revision: string; date: string; author: Author; message: string; paths: readonly string[] }[], withPaths: boolean): string {
  return revisions
    .map((r) => {
      const subject = r.message.split('\n')[0];
      const paths = withPaths && r.paths.length > 0 ? ` [${r.paths.join(', ')}]` : '';
      return `- ${r.revision} ${r.date} ${r.author.name} <${r.author.email}>: ${subject}${paths}`;
    })
    .join('\n');
}
