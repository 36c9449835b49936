/**
 * @module Renaming and deleting a page in the browser: GET shows the form, POST does it through wiki-core
 * (`renamePage` rewrites [[links]] to the page as the MCP `rename_note` does). A refused name, a taken target
 * or a page changed since the form opened comes back as the form with the reason (4xx), a missing page as 404.
 */
import {
  EditConflictError,
  InvalidArgumentError,
  InvalidPathError,
  PageExistsError,
  PageNotFoundError,
  normalizePagePath,
  type Page,
} from '@wikibot/wiki-core';
import { requireWrite, type RequestContext } from '../context.js';
import { htmlResponse, redirect } from '../http/responses.js';
import { deleteForm, renameForm } from '../views/page-moves.js';
import { pageHref, siteHref } from '../views/urls.js';
import { formMessage, writerForm } from './form-post.js';
import { pageNotFoundResponse } from './page-not-found.js';
import { revisionParam } from './revision-param.js';

/** The status and reason of a refusal the form can explain, or undefined for any other error. */
function refused(error: unknown, path: string): { status: number; reason: string } | undefined {
  if (error instanceof InvalidPathError) return { status: 400, reason: error.message };
  if (error instanceof PageExistsError) return { status: 409, reason: `${error.message}; choose another name.` };
  if (error instanceof EditConflictError) {
    return {
      status: 409,
      reason: `${path} changed since this form was opened. Check the latest version, then try again.`,
    };
  }
  if (error instanceof InvalidArgumentError) return { status: 422, reason: error.message };
  return undefined;
}

/** The current page, or null when it does not exist. */
async function current(ctx: RequestContext, path: string): Promise<Page | null> {
  try {
    return await ctx.deps.wiki.readPage(path);
  } catch (error) {
    if (error instanceof PageNotFoundError) return null;
    throw error;
  }
}

async function showForm(ctx: RequestContext, path: string, action: 'rename' | 'delete'): Promise<Response> {
  const canonical = normalizePagePath(path);
  const gate = requireWrite(ctx, pageHref(canonical, `/${action}`));
  if (gate) return gate;
  const page = await current(ctx, canonical);
  if (!page) return pageNotFoundResponse(ctx, canonical);
  const form = action === 'rename' ? renameForm : deleteForm;
  return htmlResponse(form({ path: page.path, revision: page.revision, viewer: ctx.viewer }));
}

async function rename(ctx: RequestContext, path: string): Promise<Response> {
  const { form, author } = await writerForm(ctx);
  const canonical = normalizePagePath(path);
  const newName = (form.get('new_pagename') ?? '').trim();
  const message = formMessage(form);
  const base = revisionParam(form.get('base'), 'base');
  try {
    const result = await ctx.deps.wiki.renamePage(canonical, newName, { author, message, baseRevision: base });
    return redirect(pageHref(result.newPath), 303);
  } catch (error) {
    if (error instanceof PageNotFoundError) return pageNotFoundResponse(ctx, canonical);
    const why = refused(error, canonical);
    if (!why) throw error;
    const revision = error instanceof EditConflictError ? error.currentRevision : (base ?? '');
    const page = renameForm({ path: canonical, revision, viewer: ctx.viewer, error: why.reason, newName, message });
    return htmlResponse(page, why.status);
  }
}

async function remove(ctx: RequestContext, path: string): Promise<Response> {
  const { form, author } = await writerForm(ctx);
  const canonical = normalizePagePath(path);
  const message = formMessage(form);
  const base = revisionParam(form.get('base'), 'base');
  try {
    await ctx.deps.wiki.deletePage(canonical, { author, message, baseRevision: base });
    // The changelog opens with the deletion: the confirmation, and the way back to the old text.
    return redirect(siteHref('changelog'), 303);
  } catch (error) {
    if (error instanceof PageNotFoundError) return pageNotFoundResponse(ctx, canonical);
    const why = refused(error, canonical);
    if (!why) throw error;
    const revision = error instanceof EditConflictError ? error.currentRevision : (base ?? '');
    return htmlResponse(
      deleteForm({ path: canonical, revision, viewer: ctx.viewer, error: why.reason, message }),
      why.status,
    );
  }
}

/** Handles `/<Page>/rename` and `/<Page>/delete` (GET: the form; POST: the change). */
export async function handlePageMove(
  ctx: RequestContext,
  path: string,
  action: 'rename' | 'delete',
): Promise<Response> {
  if (ctx.request.method !== 'POST') return showForm(ctx, path, action);
  return action === 'rename' ? rename(ctx, path) : remove(ctx, path);
}
