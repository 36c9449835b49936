import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Wiki } from '@wikibot/wiki-core';

const run = promisify(execFile);
/**
 * What a page view without frontmatter or code needs none of: parsers, sign-in and REST, AWS and WorkOS, and
 * wiki-core's write path, search and semantic search (`lazy-parts.ts` and what only it imports).
 */
const HEAVY = [
  '/node_modules/minisearch/',
  '/wiki-core/src/lazy-parts.ts',
  '/wiki-core/src/write-path.ts',
  '/wiki-core/src/semantic-index.ts',
  '/node_modules/yaml/',
  '/node_modules/highlight.js/',
  '/node_modules/openid-client/',
  '/node_modules/jose/',
  '/node_modules/@workos-inc/',
  '/node_modules/aws4fetch/',
  '/packages/identity/',
  '/src/api/',
];

/** Node's bundled fetch implementation: ~40 ms of a cold start when it is evaluated (see @wikibot/lambda-http). */
const UNDICI = 'node:internal/deps/undici/undici';

describe('what a cold page view loads', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikibot-cold-path-'));
    const wiki = await Wiki.open({ dir: join(dir, 'wiki') });
    const author = { name: 'Cold Path', email: 'cold@example.com' };
    await wiki.writePage('Plain', '# Plain\n\nJust [[Home|words]].\n', { author });
    await wiki.writePage('Front', '---\ntitle: With frontmatter\n---\nBody.\n', { author });
    await wiki.writePage('Code', '# Code\n\n```js\nconst x = 1;\n```\n', { author });
    await wiki.flush(); // the page index cache on disk, as a running system leaves it
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Serves `GET path` (or a form POST) as a fresh Lambda container's first request; returns what it loaded. */
  async function firstRequest(path: string, post?: string): Promise<{ status: number; loaded: string[] }> {
    const log = join(dir, `${encodeURIComponent(path)}-${post === undefined ? 'get' : 'post'}.log`);
    const request = post === undefined ? [path] : [path, 'POST', post];
    await run(
      process.execPath,
      ['--import', 'tsx', '--import', '@wikibot/tooling/load-recorder', 'tests/helpers/cold-path.ts', ...request],
      {
        cwd: join(import.meta.dirname, '../..'),
        env: {
          PATH: process.env.PATH,
          NODE_OPTIONS: '',
          LOAD_LOG: log,
          PUBLIC_ORIGIN: 'https://wiki.example.com',
          AUTHKIT_DOMAIN: 'https://example.authkit.app',
          ACCESS_POLICY: '{"writers":["@example.com"]}',
          WIKI_DATA_DIR: join(dir, 'wiki'),
          WIKI_READ_ACCESS: 'public',
          SESSION_SECRET: 'cold-path-session-secret-0123456789abcdef',
        },
      },
    );
    const loaded = (await readFile(log, 'utf8')).split('\n');
    const status = Number(loaded.find((line) => line.startsWith('status:'))?.slice('status:'.length));
    return { status, loaded };
  }

  /** The heavy packages a page view loads; it must answer 200. */
  async function loadedBy(path: string): Promise<string[]> {
    const { status, loaded } = await firstRequest(path);
    expect(status).toBe(200);
    return HEAVY.filter((heavy) => loaded.some((url) => url.includes(heavy)));
  }

  it.each(['/Plain', '/-/static/wiki.css?v=1', '/favicon.ico'])(
    'answers GET %s without loading Node’s fetch classes (undici)',
    async (path) => {
      // Act
      const { status, loaded } = await firstRequest(path);
      // Assess
      expect(status).toBe(200);
      expect(loaded).toContain('node:internal/url');
      expect(loaded).not.toContain(UNDICI);
    },
  );

  it('reads a posted form through Node’s Request, loading undici only then', async () => {
    // Act: a same-origin form post whose body, once read, is not UTF-8 (only reading it can tell)
    const { status, loaded } = await firstRequest('/-/preview', 'content=%FF');
    // Assess
    expect(status).toBe(400);
    expect(loaded).toContain(UNDICI);
  });

  it('shows a page without importing node:crypto (a page view derives, hashes and encrypts nothing)', async () => {
    // Act
    const { status, loaded } = await firstRequest('/Plain');
    // Assess: the modules imported while answering (tsx itself requires node:crypto, so Node's own list cannot tell)
    const imported = loaded.slice(
      0,
      loaded.findIndex((line) => line.startsWith('status:')),
    );
    expect(status).toBe(200);
    expect(imported.some((url) => url.endsWith('/src/views/page-view.ts'))).toBe(true); // the list is the view's
    expect(imported).not.toContain('node:crypto');
  });

  it('shows a page without frontmatter or code loading none of them', async () => {
    expect(await loadedBy('/Plain')).toEqual([]);
  });

  it('loads the YAML parser for a page with frontmatter, and nothing else heavy', async () => {
    expect(await loadedBy('/Front')).toEqual(['/node_modules/yaml/']);
  });

  it('loads highlight.js for a page with a fenced code block, and nothing else heavy', async () => {
    expect(await loadedBy('/Code')).toEqual(['/node_modules/highlight.js/']);
  });
});
