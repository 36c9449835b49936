/**
 * @module otterwiki-api's attachment endpoints under `/api/v1/pages/<path>/attachments`: list (GET), upload
 * (POST `{filename, content: base64, commit_message?}` → 201), download (GET `…/<filename>` → base64) and delete
 * (DELETE `…/<filename>`). Files live in the page's directory (An Otter Wiki's layout), one commit per change
 * authored by the caller, at most 4 MiB each (base64 in JSON must fit one 6 MB Lambda payload).
 */
import { attachmentUrlPath, decodeAttachmentBase64 } from '@wikibot/wiki-core';
import { readJsonObject } from '../http/body.js';
import { HttpError } from '../http/http-error.js';
import { jsonResponse } from '../http/responses.js';
import { authorize, commitMessage, methodNotAllowed, optionalJsonBody, type ApiRequest } from './request.js';

/**
 * Largest JSON upload body (REST, content in base64): Lambda's 6 MB synchronous payload less the event around it.
 * A 4 MiB file is 5,592,408 base64 characters, so every file within the limit fits; a larger body is a 413 before it
 * is decoded. The browser's multipart form has its own, smaller cap (routes/attachments.ts): its bytes are raw.
 */
const MAX_JSON_UPLOAD_BODY_BYTES = 6_000_000;

async function list(req: ApiRequest, path: string): Promise<Response> {
  await authorize(req, 'read');
  const found = await req.deps.wiki.listAttachments(path);
  const page = (await req.deps.wiki.getLinks(path)).path;
  const attachments = found.map((a) => ({
    filename: a.filename,
    size: a.size,
    mime_type: a.mimeType,
    last_modified: a.updated ?? null,
    url: attachmentUrlPath(page, a.filename),
  }));
  return jsonResponse({ attachments, total: attachments.length, path: page });
}

async function upload(req: ApiRequest, path: string): Promise<Response> {
  const principal = (await authorize(req, 'write'))!;
  const body = await readJsonObject(req.request, MAX_JSON_UPLOAD_BODY_BYTES);
  if (typeof body.filename !== 'string' || typeof body.content !== 'string') {
    throw new HttpError(
      422,
      'invalid_body',
      "Request body must include 'filename' and 'content' fields (strings; content base64-encoded).",
    );
  }
  const bytes = decodeAttachmentBase64(body.content);
  const message = commitMessage(body, 'Attach', body.filename);
  const r = await req.deps.wiki.writeAttachment(path, body.filename, bytes, { author: principal.author, message });
  return jsonResponse(
    {
      filename: r.filename,
      path: r.path,
      size: r.size,
      mime_type: r.mimeType,
      revision: r.revision,
      url: attachmentUrlPath(r.path, r.filename),
    },
    201,
  );
}

async function download(req: ApiRequest, path: string, filename: string): Promise<Response> {
  await authorize(req, 'read');
  const a = await req.deps.wiki.readAttachment(path, filename);
  const content = Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).toString('base64');
  return jsonResponse({ filename: a.filename, content, size: a.size, mime_type: a.mimeType });
}

async function remove(req: ApiRequest, path: string, filename: string): Promise<Response> {
  const principal = (await authorize(req, 'write'))!;
  const body = await optionalJsonBody(req.request);
  const r = await req.deps.wiki.deleteAttachment(path, filename, {
    author: principal.author,
    message: commitMessage(body, 'Delete attachment', filename),
  });
  return jsonResponse({ deleted: true, filename: r.filename, path: r.path, revision: r.revision });
}

/** `/pages/<path>/attachments[/<filename>]`. */
export function handleAttachments(req: ApiRequest, path: string, filename: string | undefined): Promise<Response> {
  const method = req.request.method;
  if (filename === undefined) {
    if (method === 'GET') return list(req, path);
    if (method === 'POST') return upload(req, path);
    throw methodNotAllowed('GET, POST');
  }
  if (method === 'GET') return download(req, path, filename);
  if (method === 'DELETE') return remove(req, path, filename);
  throw methodNotAllowed('GET, DELETE');
}
