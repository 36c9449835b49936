/**
 * @module What a tool is: a name and zod input schema as in otterwiki-mcp (the contract users' prompts
 * rely on), an output schema for its structured result, MCP annotations, the access it needs, and a `run`
 * that returns the text otterwiki-mcp's formatters would give plus the same facts as structured content.
 * Definitions are module constants, built once per container; each request binds them to its caller.
 */
import { z } from 'zod';
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

/** A tool's answer: text for the model, and (when the tool has an output schema) the same as structured content. */
export interface ToolOutput {
  readonly text: string;
  readonly structured?: Record<string, unknown>;
}

/** A tool's definition. */
export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: Shape;
  /** The shape of `structuredContent`; absent when the result must not be repeated (download_attachment). */
  readonly outputSchema?: z.ZodRawShape;
  readonly access: 'read' | 'write';
  readonly annotations: ToolAnnotations;
  run(args: z.infer<z.ZodObject<Shape>>, context: ToolContext): Promise<ToolOutput>;
}

/** Declares a tool with its argument types inferred from the schema. */
export function defineTool<Shape extends z.ZodRawShape>(definition: ToolDefinition<Shape>): ToolDefinition<Shape> {
  return definition;
}

const strictInputs = new WeakMap<ToolDefinition, z.ZodObject>();

/** The tool's arguments as a strict object: an argument the tool does not take is an error, not dropped. */
export function inputObject(tool: ToolDefinition): z.ZodObject {
  let schema = strictInputs.get(tool);
  if (!schema) strictInputs.set(tool, (schema = z.strictObject(tool.inputSchema)));
  return schema;
}

/** Options of a write: the caller as author, their message, and the MCP client as a trailer. */
export async function writeOptions(context: ToolContext, message: string | undefined): Promise<WriteOptions> {
  return { author: await context.author(), message: present(message), trailers: { 'MCP-Client': context.clientName } };
}

/** otterwiki-mcp sends "" for an omitted optional argument; treat it as absent. */
export function present(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}

/** Clamps an optional limit to 1..max, with a default (as otterwiki-mcp does). */
export function clampLimit(value: number | undefined, fallback: number, max = 200): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.max(1, Math.min(max, Math.trunc(value)));
}

/** The schema of a page path argument. */
export const pathArg = (what = 'Page path') => z.string().describe(`${what}, e.g. "Projects/Roadmap"`);

/** The schema of an optional commit message argument. */
export const commitMessageArg = () => z.string().optional().describe('Optional commit message');

/** One commit as structured content. */
export const revisionShape = {
  revision: z.string(),
  date: z.string(),
  author: z.string(),
  author_email: z.string(),
  message: z.string(),
};

/** A wiki-core revision as structured content. */
export function revisionEntry(r: { revision: string; date: string; author: Author; message: string }) {
  return {
    revision: r.revision,
    date: r.date,
    author: r.author.name,
    author_email: r.author.email,
    message: r.message,
  };
}

/** A refusal the tool itself makes (e.g. an unknown section); its message is written for the caller. */
export class ToolRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolRefusal';
  }
}
