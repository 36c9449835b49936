/**
 * @module The REST API under `/api/v1/`, compatible with the otterwiki-api plugin (same paths, fields and
 * status codes), so scripts and MCP servers written for it work here. Reads follow WIKI_READ_ACCESS
 * (public wikis answer reads without a token); writes need a bearer credential with write access.
 * @see https://github.com/schuyler/otterwiki-api
 */
import { normalizePagePath, type Page, type Revision, type WriteOptions } from '@wikibot/wiki-core';
import type { AppDeps } from '../context.js';
import { readJsonObject } from '../http/body.js';
import { HttpError } from '../http/http-error.js';
import { jsonResponse } from '../http/responses.js';
import { semanticSearchResponse } from './semantic-search.js';
import { handleAttachments } from './attachments.js';
import { authorize, commitMessage, methodNotAllowed, optionalJsonBody, type ApiRequest } from './request.js';

function limitParam(url: URL, fallback: number): number {
  const raw = url.searchParams.get('limit');
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new HttpError(400, 'invalid_limit', '"limit" must be a whole number from 1 to 1000.');
  return n;
}

const entry = (r: Revision) => ({ revision: r.revision, author: r.author.name, date: r.date, message: r.message });
const nameOf = (page: { title: string }) => page.title;

function revisionOf(body: Record<string, unknown>, request: Request): string | undefined {
  const fromBody = body.revision;
  if (fromBody !== undefined && fromBody !== null && typeof fromBody !== 'string')
    throw new HttpError(422, 'invalid_body', '"revision" must be a string.');
  const ifMatch = request.headers.get('if-match')?.replace(/^W\//, '').replace(/"/g, '').trim();
  const revision = (fromBody as string | undefined) || ifMatch || undefined;
  if (revision !== undefined && !/^[0-9a-f]{7,40}$/i.test(revision)) {
    throw new HttpError(
      422,
      'invalid_revision',
      'revision must be at least 7 characters: 7 to 40 hex digits of the revision read.',
    );
  }
  return revision;
}

async function getPage(req: ApiRequest, path: string): Promise<Response> {
  await authorize(req, 'read');
  const { wiki } = req.deps;
  const revision = req.url.searchParams.get('revision') || undefined;
  if (revision !== undefined && !/^[0-9a-f]{4,40}$/i.test(revision))
    throw new HttpError(400, 'invalid_revision', 'revision must be a commit id.');
  const page: Page = await wiki.readPage(path, revision ? { revision } : undefined);
  const [links, last] = await Promise.all([
    wiki.getLinks(page.path),
    revision ? Promise.resolve([]) : wiki.history(page.path, { limit: 1 }),
  ]);
  return jsonResponse(
    {
      name: nameOf(page),
      path: page.path,
      content: page.content,
      frontmatter: page.frontmatter,
      links_to: links.outgoing,
      linked_from: links.incoming,
      revision: page.revision,
      last_commit: {
        revision: page.revision,
        author: page.author.name,
        date: page.updated,
        message: last[0]?.message ?? '',
      },
    },
    200,
    { etag: `"${page.revision}"` },
  );
}

async function putPage(req: ApiRequest, path: string): Promise<Response> {
  const principal = (await authorize(req, 'write'))!;
  const body = await readJsonObject(req.request);
  if (typeof body.content !== 'string')
    throw new HttpError(422, 'invalid_body', "Request body must include a 'content' string.");
  const action = (await req.deps.wiki.exists(path)) ? 'Update' : 'Create';
  const options: WriteOptions = {
    author: principal.author,
    message: commitMessage(body, action, path),
    baseRevision: revisionOf(body, req.request),
    // As otterwiki-api: replacing an existing page needs the revision read (checked under the write lock).
    requireBaseRevision: true,
  };
  const result = await req.deps.wiki.writePage(path, body.content, options);
  const page = await req.deps.wiki.readPage(result.path);
  return jsonResponse(
    { name: nameOf(page), path: result.path, revision: result.revision, created: result.created },
    result.created ? 201 : 200,
  );
}

async function patchPage(req: ApiRequest, path: string): Promise<Response> {
  const principal = (await authorize(req, 'write'))!;
  const body = await readJsonObject(req.request);
  for (const field of ['revision', 'old_string', 'new_string']) {
    if (typeof body[field] !== 'string')
      throw new HttpError(422, 'invalid_body', `Missing required field: ${field} (a string).`);
  }
  const { old_string: oldText, new_string: newText } = body as Record<string, string>;
  if (!oldText) throw new HttpError(422, 'invalid_body', 'old_string must not be empty.');
  const baseRevision = revisionOf(body, req.request);
  if (!baseRevision)
    throw new HttpError(422, 'invalid_revision', 'revision must be at least 7 characters: the revision read.');
  const options: WriteOptions = { author: principal.author, message: commitMessage(body, 'Edit', path), baseRevision };
  const result = await req.deps.wiki.editPage(path, oldText, newText, options);
  const page = await req.deps.wiki.readPage(result.path);
  return jsonResponse({ name: nameOf(page), path: result.path, revision: result.revision });
}

async function deletePage(req: ApiRequest, path: string): Promise<Response> {
  const principal = (await authorize(req, 'write'))!;
  const body = await optionalJsonBody(req.request);
  const result = await req.deps.wiki.deletePage(path, {
    author: principal.author,
    message: commitMessage(body, 'Delete', path),
  });
  return jsonResponse({ deleted: true, path: result.path, revision: result.revision });
}

async function renamePage(req: ApiRequest, path: string): Promise<Response> {
  const principal = (await authorize(req, 'write'))!;
  const body = await readJsonObject(req.request);
  if (typeof body.new_path !== 'string')
    throw new HttpError(422, 'invalid_body', "Request body must include 'new_path' field.");
  if (!body.new_path.trim()) throw new HttpError(422, 'invalid_body', 'new_path must not be empty.');
  const message = commitMessage(body, 'Rename', `${path} -> ${body.new_path.trim()}`);
  const result = await req.deps.wiki.renamePage(path, body.new_path, { author: principal.author, message });
  return jsonResponse({
    old_path: result.path,
    new_path: result.newPath,
    revision: result.revision,
    updated_pages: result.rewritten,
  });
}

async function listPages(req: ApiRequest): Promise<Response> {
  await authorize(req, 'read');
  const q = req.url.searchParams;
  const updatedSince = q.get('updated_since')?.trim() || undefined;
  if (updatedSince && Number.isNaN(Date.parse(updatedSince))) {
    throw new HttpError(422, 'invalid_updated_since', 'Invalid updated_since format. Use ISO 8601.');
  }
  const pages = await req.deps.wiki.listPages({
    prefix: q.get('prefix')?.trim() || undefined,
    category: q.get('category')?.trim() || undefined,
    tag: q.get('tag')?.trim() || undefined,
    updatedSince,
  });
  const rows = pages.map((p) => ({
    name: p.title,
    path: p.path,
    category: p.category ?? null,
    tags: p.tags,
    last_updated: p.updated.slice(0, 10),
    updated: p.updated,
    revision: p.revision,
    content_length: p.size,
  }));
  return jsonResponse({ pages: rows, total: rows.length });
}

async function pageRoutes(req: ApiRequest, segments: readonly string[]): Promise<Response> {
  const method = req.request.method;
  const last = segments[segments.length - 1];
  const attachments = segments.lastIndexOf('attachments');
  if (attachments >= 1 && attachments >= segments.length - 2) {
    return handleAttachments(
      req,
      normalizePagePath(segments.slice(0, attachments).join('/')),
      segments[attachments + 1],
    );
  }
  if (segments.length >= 2 && (last === 'history' || last === 'rename')) {
    const path = normalizePagePath(segments.slice(0, -1).join('/'));
    if (last === 'rename') {
      if (method !== 'POST') throw methodNotAllowed('POST');
      return renamePage(req, path);
    }
    if (method !== 'GET') throw methodNotAllowed('GET');
    await authorize(req, 'read');
    const history = await req.deps.wiki.history(path, { limit: limitParam(req.url, 100) });
    if (history.length === 0) throw new HttpError(404, 'not_found', `Page not found: ${path}`);
    return jsonResponse({ path, history: history.map(entry) });
  }
  const path = normalizePagePath(segments.join('/'));
  switch (method) {
    case 'GET':
      return getPage(req, path);
    case 'PUT':
      return putPage(req, path);
    case 'PATCH':
      return patchPage(req, path);
    case 'DELETE':
      return deletePage(req, path);
    default:
      throw methodNotAllowed('GET, PUT, PATCH, DELETE');
  }
}

async function readOnly(req: ApiRequest, segments: readonly string[]): Promise<Response | undefined> {
  const [head, ...rest] = segments;
  if (head === 'changelog' && rest.length === 0) {
    await authorize(req, 'read');
    const log = await req.deps.wiki.changelog({ limit: limitParam(req.url, 50) });
    return jsonResponse({ entries: log.map((r) => ({ ...entry(r), pages_affected: r.paths })), total: log.length });
  }
  if (head === 'search' && rest.length === 0) {
    await authorize(req, 'read');
    const query = (req.url.searchParams.get('q') ?? '').trim();
    if (!query) throw new HttpError(422, 'invalid_query', "Query parameter 'q' is required");
    const hits = await req.deps.wiki.search(query.slice(0, 500), { limit: limitParam(req.url, 50) });
    const results = hits.map((h) => ({ name: h.title, path: h.path, snippet: h.snippet, score: h.score }));
    return jsonResponse({ query, results, total: results.length });
  }
  if (head === 'semantic-search' && rest.length === 0) {
    await authorize(req, 'read');
    return semanticSearchResponse(req.deps.wiki, req.url);
  }
  if (head === 'links' && rest.length === 0) {
    await authorize(req, 'read');
    const graph = await req.deps.wiki.linkGraph();
    const edges = Object.entries(graph).flatMap(([source, targets]) => targets.map((target) => ({ source, target })));
    const nodes = [...new Set([...Object.keys(graph), ...edges.map((e) => e.target)])];
    return jsonResponse({ nodes, edges });
  }
  if (head === 'links') {
    await authorize(req, 'read');
    const links = await req.deps.wiki.getLinks(normalizePagePath(rest.join('/')));
    return jsonResponse({
      path: links.path,
      links_to: links.outgoing,
      linked_from: links.incoming,
      missing: links.missing,
    });
  }
  return undefined;
}

/** Handles `/api/v1/<segments>`. Errors are thrown and rendered as JSON by the app. */
export async function handleApi(
  deps: AppDeps,
  request: Request,
  url: URL,
  segments: readonly string[],
): Promise<Response> {
  const req: ApiRequest = { deps, request, url };
  const [head] = segments;
  if (head === 'health' && segments.length === 1) return jsonResponse({ status: 'ok' });
  if (head === 'pages' && segments.length === 1) {
    if (request.method !== 'GET') throw methodNotAllowed('GET');
    return listPages(req);
  }
  if (head === 'pages') return pageRoutes(req, segments.slice(1));
  if (['changelog', 'search', 'semantic-search', 'links'].includes(head ?? '')) {
    if (request.method !== 'GET') throw methodNotAllowed('GET');
    const response = await readOnly(req, segments);
    if (response) return response;
  }
  throw new HttpError(404, 'not_found', 'No such API endpoint.');
}
