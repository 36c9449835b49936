/**
 * @module The four attachment tools of otterwiki-mcp: list_attachments(path), upload_attachment(path, filename,
 * content, commit_message = ""), download_attachment(path, filename), delete_attachment(path, filename,
 * commit_message = ""). Files live in the page's directory, as An Otter Wiki keeps them; content is base64.
 */
import { z } from 'zod';
import { commitMessageArg, defineTool, pathArg, writeOptions } from './define.js';

const filenameArg = (what: string) => z.string().min(1).describe(`${what}, e.g. "report.pdf"`);
// wiki-core's MAX_ATTACHMENT_BYTES, spelled out: importing it here would load wiki-core for tools/list.
const LIMIT = '4 MiB (4194304 bytes: base64 in JSON must fit one 6 MB Lambda payload)';
/** wiki-core's attachment helpers, loaded by the first attachment call (never by tools/list or initialize). */
const core = () => import('@wikibot/wiki-core');
const written = {
  path: z.string(),
  filename: z.string(),
  size: z.number(),
  mime_type: z.string(),
  revision: z.string(),
  url: z.string(),
};

export const listAttachments = defineTool({
  name: 'list_attachments',
  title: 'List the files attached to a page',
  description:
    'List the files attached to a wiki page: file names, sizes, ' +
    'media types, last change, and the URL the wiki serves each at.',
  inputSchema: { path: pathArg() },
  outputSchema: {
    path: z.string(),
    attachments: z.array(
      z.object({
        filename: z.string(),
        size: z.number(),
        mime_type: z.string(),
        last_modified: z.string().nullable(),
        url: z.string(),
      }),
    ),
    total: z.number(),
  },
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path }, { wiki }) {
    const { attachmentUrlPath } = await core();
    const found = await wiki.listAttachments(path);
    const page = (await wiki.getLinks(path)).path;
    const attachments = found.map((a) => ({
      filename: a.filename,
      size: a.size,
      mime_type: a.mimeType,
      last_modified: a.updated ?? null,
      url: attachmentUrlPath(page, a.filename),
    }));
    const rows = attachments.map(
      (a) =>
        `- ${a.filename} (${a.size} bytes, ` +
        `${a.mime_type}${a.last_modified ? `, modified ${a.last_modified}` : ''}) ${a.url}`,
    );
    return {
      text: [
        `Attachments for ${page} (${attachments.length}):`,
        '',
        ...(rows.length > 0 ? rows : ['  (no attachments)']),
      ].join('\n'),
      structured: { path: page, attachments, total: attachments.length },
    };
  },
});

export const uploadAttachment = defineTool({
  name: 'upload_attachment',
  title: 'Attach a file to a page',
  description:
    `Upload a file to an existing wiki page, base64-encoded; replaces a file of the same name. One git commit ` +
    `authored by you. At most ${LIMIT}. The name is made safe (letters, digits, ".", "_", "-"). ` +
    'Show an image on the page with ![description](./a/<filename>) written in that page (relative to the page, as ' +
    'in An Otter Wiki).',
  inputSchema: {
    path: pathArg(),
    filename: filenameArg('Name for the attached file'),
    content: z.string().describe('Base64-encoded file contents'),
    commit_message: commitMessageArg(),
  },
  outputSchema: { ...written, created: z.boolean() },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ path, filename, content, commit_message }, context) {
    const { attachmentUrlPath, decodeAttachmentBase64 } = await core();
    const bytes = decodeAttachmentBase64(content);
    const r = await context.wiki.writeAttachment(path, filename, bytes, await writeOptions(context, commit_message));
    const url = attachmentUrlPath(r.path, r.filename);
    return {
      text: `Uploaded ${r.filename} to ${r.path} (${r.size} bytes) (revision: ${r.revision}) at ${url}`,
      structured: {
        path: r.path,
        filename: r.filename,
        size: r.size,
        mime_type: r.mimeType,
        revision: r.revision,
        url,
        created: r.created,
      },
    };
  },
});

export const downloadAttachment = defineTool({
  name: 'download_attachment',
  title: 'Download a file attached to a page',
  description: `Download a file attached to a wiki page; returns it base64-encoded (files are at most ${LIMIT}).`,
  inputSchema: { path: pathArg(), filename: filenameArg('Name of the attachment') },
  // No output schema: structured content would repeat up to 5.6 MB of base64 and break the 6 MB payload limit.
  access: 'read',
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run({ path, filename }, { wiki }) {
    const a = await wiki.readAttachment(path, filename);
    const base64 = Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).toString('base64');
    return { text: `Downloaded ${a.filename} (${a.size} bytes, ${a.mimeType})\nContent (base64):\n${base64}` };
  },
});

export const deleteAttachment = defineTool({
  name: 'delete_attachment',
  title: 'Delete a file attached to a page',
  description:
    'Delete a file attached to a wiki page (one git commit; recoverable ' +
    'from history only). Confirm with the user before calling.',
  inputSchema: { path: pathArg(), filename: filenameArg('Name of the attachment'), commit_message: commitMessageArg() },
  outputSchema: { path: z.string(), filename: z.string(), revision: z.string() },
  access: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async run({ path, filename, commit_message }, context) {
    const r = await context.wiki.deleteAttachment(path, filename, await writeOptions(context, commit_message));
    return {
      text: `Deleted attachment ${r.filename} (revision: ${r.revision})`,
      structured: { path: r.path, filename: r.filename, revision: r.revision },
    };
  },
});
