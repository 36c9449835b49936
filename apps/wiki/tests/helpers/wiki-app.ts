/**
 * @module A real wiki app over a real git repository in a temp directory, plus helpers to sign a user in
 * (a genuine encrypted session cookie) and to send requests through `app.fetch`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type WikibotConfig } from '@wikibot/auth-config';
import { Wiki, type WikiOpenOptions } from '@wikibot/wiki-core';
import { createWikiApp, type WikiAppOptions } from '../../src/app.js';
import { createSessionCookies, deriveSessionKey } from '../../src/auth/session.js';

export const ORIGIN = 'https://wiki.example.com';
export const SESSION_SECRET = 'test-session-secret-0123456789-abcdefghijklmnop';
export const API_KEY = 'test-api-key-5d41402abc4b2a76b9719d911017c592';
export const POLICY = {
  writers: ['@example.com'],
  readers: ['reader@elsewhere.org'],
  contact: 'wiki-admins@example.com',
};

/** A signed-in browser: its Cookie header and the session's CSRF token. */
export interface Browser {
  readonly cookie: string;
  readonly csrf: string;
}

export interface TestWiki {
  readonly dir: string;
  readonly wiki: Wiki;
  readonly config: WikibotConfig;
  readonly app: ReturnType<typeof createWikiApp>;
  readonly logs: Record<string, unknown>[];
  signIn(email: string, name?: string): Promise<Browser>;
  get(path: string, init?: { browser?: Browser; headers?: Record<string, string> }): Promise<Response>;
  postForm(
    path: string,
    fields: Record<string, string>,
    init?: { browser?: Browser; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** Opens a fresh wiki and app; `env` overrides the default environment, `open` adds options of `Wiki.open`. */
export async function openTestWiki(
  env: Record<string, string | undefined> = {},
  extra: Partial<Omit<WikiAppOptions, 'config' | 'wiki'>> = {},
  open: Partial<Omit<WikiOpenOptions, 'dir'>> = {},
): Promise<TestWiki> {
  const dir = await mkdtemp(join(tmpdir(), 'wikibot-wiki-app-'));
  const wiki = await Wiki.open({ durable: false, ...open, dir });
  const config = loadConfig({
    PUBLIC_ORIGIN: ORIGIN,
    AUTHKIT_DOMAIN: 'https://authkit.example.com',
    ACCESS_POLICY: JSON.stringify(POLICY),
    WIKI_DATA_DIR: dir,
    AUTHKIT_CLIENT_ID: 'client_wiki',
    SESSION_SECRET,
    MCP_API_KEY: API_KEY,
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const app = createWikiApp({ config, wiki, log: (line) => logs.push(line), ...extra });
  const secure = ORIGIN.startsWith('https:');
  const cookies = createSessionCookies(deriveSessionKey(SESSION_SECRET), { secure });
  const headersFor = (init?: { browser?: Browser; headers?: Record<string, string> }): Record<string, string> => ({
    ...(init?.browser ? { cookie: init.browser.cookie } : {}),
    ...init?.headers,
  });
  return {
    dir,
    wiki,
    config,
    app,
    logs,
    async signIn(email, name = email.split('@')[0]) {
      const setCookie = await cookies.sessionCookie({ sub: `user_${name}`, name, email, emailVerified: true });
      const cookie = setCookie.split(';')[0];
      const session = await cookies.readSession(new Request(ORIGIN, { headers: { cookie } }));
      return { cookie, csrf: session!.csrf };
    },
    get: (path, init) => app.fetch(new Request(`${ORIGIN}${path}`, { headers: headersFor(init) })),
    postForm: (path, fields, init) =>
      app.fetch(
        new Request(`${ORIGIN}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headersFor(init) },
          body: new URLSearchParams(fields).toString(),
        }),
      ),
    async close() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the real `git` CLI in the repository and returns its output. */
export async function git(dir: string, ...args: string[]): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) =>
    execFile('git', ['-C', dir, ...args], (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(stdout),
    ),
  );
}
