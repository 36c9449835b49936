/**
 * What the built Lambda artifact loads on a cold page view: src/handler.ts bundled as `npm run build` bundles it,
 * then one `GET` in a fresh node. The cold-path test checks the sources under tsx, which itself loads node:crypto;
 * this one sees Node's own modules as Lambda would.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApiGatewayV2Event } from '@wikibot/lambda-http';
import { bundleLambda, contentKey, parseBundleArgs } from '@wikibot/tooling/bundle-lambda';
import { Wiki } from '@wikibot/wiki-core';
import { WIKI_CSS_URL } from '../../src/static/asset-urls.js';
import { WIKI_CSS } from '../../src/static/wiki-css.js';

const run = promisify(execFile);
const APP = join(import.meta.dirname, '../..');
const AUTHOR = { name: 'A', email: 'a@example.com' };

describe('what the bundled wiki loads on a cold page view', () => {
  let dir: string;
  let wiki: Wiki;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wikibot-cold-artifact-'));
    wiki = await Wiki.open({ dir: join(dir, 'wiki') });
    await wiki.writePage('Plain', '# Plain\n\nJust [[Home|words]].\n', { author: AUTHOR });
    await wiki.writePage('Kept', '## Kept\n\nText.\n', { author: AUTHOR });
    await wiki.writePage('Titled', '---\ntags: [tagged]\n---\n# Shown here\n\n## Part\n\nText.\n', { author: AUTHOR });
    await wiki.flush();
    // Bundled as this package's build script bundles it
    const pkg = JSON.parse(await readFile(join(APP, 'package.json'), 'utf8')) as { scripts: { build: string } };
    const [, ...args] = pkg.scripts.build.split(/\s+/);
    await bundleLambda({ ...parseBundleArgs(args), outdir: join(dir, 'dist'), cwd: APP });
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  let views = 0;
  /**
   * One cold `GET path` of the bundle; its status and body, Node's own modules, and the bundle files it imported —
   * unless `recordFiles` is false: the recorder's module hooks run a worker, which loads node:stream and more itself.
   */
  async function coldView(
    path = '/Plain',
    { recordFiles = true } = {},
  ): Promise<{ status: number; body: string; loaded: string[]; threads: number; files: string[] }> {
    const event = createApiGatewayV2Event({ method: 'GET', url: path, headers: { host: 'wiki.example.com' } });
    const log = join(dir, `imports-${++views}.log`);
    const child = join(APP, 'tests/helpers/cold-artifact-child.mjs');
    const { stdout } = await run(
      process.execPath,
      [...(recordFiles ? ['--import', '@wikibot/tooling/load-recorder'] : []), child, join(dir, 'dist/index.mjs')],
      {
        cwd: APP,
        env: {
          PATH: process.env.PATH,
          LOAD_LOG: log,
          COLD_EVENT: JSON.stringify(event),
          PUBLIC_ORIGIN: 'https://wiki.example.com',
          AUTHKIT_DOMAIN: 'https://example.authkit.app',
          ACCESS_POLICY: '{"writers":["@example.com"]}',
          WIKI_DATA_DIR: join(dir, 'wiki'),
          WIKI_READ_ACCESS: 'public',
          SESSION_SECRET: 'cold-artifact-session-secret-0123456789abcdef',
        },
      },
    );
    const files = recordFiles ? (await readFile(log, 'utf8')).split('\n').filter((url) => url.includes('/dist/')) : [];
    return { ...(JSON.parse(stdout) as { status: number; body: string; loaded: string[]; threads: number }), files };
  }

  it('answers GET /Plain without loading node:crypto (a page view derives, hashes and encrypts nothing)', async () => {
    // Act
    const { status, loaded } = await coldView();
    // Assess: the page was answered, and neither crypto nor Node's fetch classes loaded
    expect(status).toBe(200);
    expect(loaded.filter((module) => /crypto|undici/.test(module))).toEqual([]);
  });

  it('renders a page for the first time without loading node:zlib or node:stream (its blob inflated in JS)', async () => {
    // Arrange: a page never viewed, so no render is kept for it
    await wiki.writePage('Fresh', '# Fresh\n\nFirst [[render|Plain]].\n', { author: AUTHOR });
    // Act: a cold first view, reading the page's text from git
    const { status, body, loaded } = await coldView('/Fresh', { recordFiles: false });
    // Assess: rendered from the blob, with neither zlib nor the node:stream it brings
    expect(status).toBe(200);
    expect(body).toContain('<h1 id="fresh">Fresh</h1>');
    expect(body).toContain('<a href="/Plain" class="wikilink">render</a>');
    expect(loaded).not.toContain('NativeModule zlib');
    expect(loaded).not.toContain('NativeModule stream');
  });

  it('answers a first view of a page reading at most 5 of the bundle’s files, and a page rendered before 2', async () => {
    // Each file costs a resolution, a read and a module record (~0.5 M instructions). esbuild cuts a chunk per set of
    // entry points reaching a module; bundle-lambda makes every lazy module reach the entry's code, so all of it is one
    // chunk: the entry and that chunk (plus the renderer and the Markdown parser's two files on a first render).
    // Without that, a page rendered before read 16 files.
    await wiki.writePage('Counted', 'Counted [[Home]].\n', { author: AUTHOR });
    await wiki.flush(); // the page index cache on disk, as a running wiki leaves it (else the page is described again)
    const first = await coldView('/Counted');
    const again = await coldView('/Counted');
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(first.files.some((url) => url.includes('/markdown-parser-'))).toBe(true);
    expect(first.files.length).toBeLessThanOrEqual(5);
    expect(again.files.length).toBeGreaterThan(1);
    expect(again.files.length).toBeLessThanOrEqual(2);
  });

  it('answers a page view without the files holding the stylesheet and scripts it links, and serves them', async () => {
    // The assets' texts (~20 KB) were in the start chunk, scanned by V8 at every cold start (~2 M instructions)
    // Act
    const view = await coldView('/Plain');
    const stylesheet = await coldView(WIKI_CSS_URL);
    // Assess: the page links the stylesheet; none of the files it read holds its text, which is served as it is
    expect(view.status).toBe(200);
    expect(view.body).toContain(`<link rel="stylesheet" href="${WIKI_CSS_URL}">`);
    const read = await Promise.all(view.files.map((url) => readFile(new URL(url), 'utf8')));
    const firstRule = WIKI_CSS.trim().split('\n')[0];
    expect(read.filter((text) => text.includes(firstRule))).toEqual([]);
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.body).toBe(WIKI_CSS);
  });

  it('answers a page view without the code of blame or of creating a repository (imported on use)', async () => {
    // wiki-core's index exported blame's limits from blame.ts, and repository.ts held the first open's code: both were
    // in the start chunk (esbuild puts a module in the chunk of every entry reaching it)
    // Act
    const view = await coldView('/Plain');
    // Assess: no file the view read holds blame's refusal of a long page, nor the creation's failure (messages only
    // blame.ts and repository-init.ts build)
    expect(view.status).toBe(200);
    const read = await Promise.all(view.files.map((url) => readFile(new URL(url), 'utf8')));
    expect(read.filter((text) => text.includes('it has over '))).toEqual([]);
    expect(read.filter((text) => text.includes('Could not initialise a wiki repository'))).toEqual([]);
  });

  it('renders a page, and shows it again, with no asynchronous file call: no thread beyond a bare node’s', async () => {
    // The first asynchronous file call starts libuv's thread pool and waits for its four threads (~1-3 ms)
    // Arrange: a page, and the threads of a node that does nothing
    await wiki.writePage('Threads', 'Counted.\n', { author: AUTHOR });
    await wiki.flush(); // the page index cache on disk, as a running wiki leaves it
    const bare = await run(process.execPath, [
      '-e',
      "console.log(require('fs').readdirSync('/proc/self/task').length)",
    ]);
    // Act: its first view (rendered, the render kept) and a second (the kept render)
    const first = await coldView('/Threads', { recordFiles: false });
    const again = await coldView('/Threads', { recordFiles: false });
    // Assess
    expect([first.status, again.status]).toEqual([200, 200]);
    expect([first.threads, again.threads]).toEqual([Number(bare.stdout), Number(bare.stdout)]);
  });

  it('shows an unchanged page again without importing markdown-it (the render is kept on disk)', async () => {
    // Act: two containers' first views of the same page
    const first = await coldView('/Kept');
    const second = await coldView('/Kept');
    // Assess: the same page, the second without the Markdown parser's chunks
    expect(first.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(first.body).toContain('<h2 id="kept">Kept</h2>');
    expect(first.files.some((url) => url.includes('/markdown-parser-'))).toBe(true);
    expect(second.files.some((url) => url.includes('/markdown-'))).toBe(false);
  });

  it('keeps renders under the hash of the renderer’s sources, which a deployment changing other code keeps', async () => {
    // Act
    await coldView('/Kept');
    const entries = await readdir(join(dir, 'wiki/.git/wikibot/rendered'));
    const kept = await Promise.all(
      entries.map(async (file) => JSON.parse(await readFile(join(dir, 'wiki/.git/wikibot/rendered', file), 'utf8'))),
    );
    // Assess: not the name of a bundle chunk (which hashes the start chunk too) but the renderer's own code, which
    // the MCP function's build names alike (it keeps the renders of the pages it writes)
    const key = await contentKey('@wikibot/wiki-render', APP);
    expect(kept.find((entry: { path: string }) => entry.path === 'Kept')).toMatchObject({ renderer: key });
    expect(await contentKey('@wikibot/wiki-render', join(APP, '../mcp'))).toBe(key);
  });

  it('shows a page rendered before reading no git object and without loading node:zlib or node:stream', async () => {
    // Arrange: the page rendered once (its text read from git), then its git objects moved away
    const first = await coldView('/Titled');
    const objects = join(dir, 'wiki/.git/objects');
    await rename(objects, `${objects}-away`);
    try {
      // Act: another container's first view
      const second = await coldView('/Titled', { recordFiles: false });
      // Assess: the same page (title, author, date, revision, tags, contents) from the index and the kept render
      expect(second.status).toBe(200);
      expect(second.body).toBe(first.body);
      expect(second.body).toContain('<h1 id="shown-here">Shown here</h1>');
      expect(second.body).toContain('>tagged</a>');
      expect(second.loaded).not.toContain('NativeModule zlib');
      // …and no stream either: the bundle takes node:fs without the ES facade whose getters load node:stream
      expect(second.loaded).not.toContain('NativeModule stream');
    } finally {
      await rename(`${objects}-away`, objects);
    }
  });

  it('renders again when the page changes or a linked page comes or goes (red links)', async () => {
    const missingLink = '<a href="/Later" class="wikilink missing">';
    // Arrange + Act: a link to a page that does not exist yet, seen twice (the second from the cache)
    await wiki.writePage('Linking', 'See [[Later]].\n', { author: AUTHOR });
    expect((await coldView('/Linking')).body).toContain(missingLink);
    expect((await coldView('/Linking')).body).toContain(missingLink);
    // Act: the target is created
    await wiki.writePage('Later', 'Now.\n', { author: AUTHOR });
    const created = await coldView('/Linking');
    // Assess: rendered again (the parser is imported), and the link is no longer marked missing
    expect(created.body).toContain('<a href="/Later" class="wikilink">');
    expect(created.files.some((url) => url.includes('/markdown-parser-'))).toBe(true);
    // Act + Assess: the page itself changes
    await wiki.writePage('Linking', 'See [[Later]] again.\n', { author: AUTHOR });
    expect((await coldView('/Linking')).body).toContain('again.');
    // Act + Assess: the target goes away
    await wiki.deletePage('Later', { author: AUTHOR });
    expect((await coldView('/Linking')).body).toContain(missingLink);
  });
});
