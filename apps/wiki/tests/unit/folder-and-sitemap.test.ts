import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openTestWiki, ORIGIN, type TestWiki } from '../helpers/wiki-app.js';

const ALICE = { name: 'Alice', email: 'alice@example.com' };

describe('folder URLs and sitemap.xml', () => {
  let t: TestWiki;

  beforeAll(async () => {
    t = await openTestWiki();
    await t.wiki.writePage('Home', '# Home', { author: ALICE });
    await t.wiki.writePage('Projects/Wikibot', '# Wikibot', { author: ALICE });
    await t.wiki.writePage('Projects/Deep/Otter Notes', '---\ntitle: Notes on otters\n---\nhi', { author: ALICE });
    await t.wiki.writePage('Projectsmith', '# not under the folder', { author: ALICE });
    await t.wiki.writePage("Quote's & <Amps>", 'x', { author: ALICE });
  });
  afterAll(() => t.close());

  it('lists the sub-pages of a folder that has no page of its own', async () => {
    const response = await t.get('/Projects');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<title>Index of Projects · wikibot</title>');
    expect(html).toContain('<a href="/Projects/Wikibot">Wikibot</a>');
    expect(html).toContain(
      '<a href="/Projects/Deep/Otter%20Notes">Deep/Otter Notes</a> <span class="meta">Notes on otters</span>',
    );
    // The listing itself (the sidebar's page tree lists the top level, Projectsmith included).
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).not.toContain('Projectsmith');
    expect(html).toContain('href="/Projects/edit"');
  });

  it('finds the folder whatever the case of its URL, and lists nested folders too', async () => {
    expect((await t.get('/projects')).status).toBe(200);
    const deep = await (await t.get('/Projects/Deep')).text();
    expect(deep).toContain('<a href="/Projects/Deep/Otter%20Notes">Otter Notes</a>');
  });

  it('still answers 404 for a name with no page and no sub-pages', async () => {
    const response = await t.get('/Project');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('There is no page called');
  });

  it('shows the page itself once the folder has one', async () => {
    const w = await openTestWiki();
    await w.wiki.writePage('Team/Alice', 'a', { author: ALICE });
    await w.wiki.writePage('Team', '# The team page', { author: ALICE });
    const html = await (await w.get('/Team')).text();
    await w.close();
    expect(html).toContain('The team page');
    expect(html).not.toContain('Index of Team');
  });

  it('serves /sitemap.xml with every page as an absolute, encoded URL on the public origin', async () => {
    const response = await t.get('/sitemap.xml');
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    ).toBe(true);
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(
      [
        `${ORIGIN}/Home`,
        `${ORIGIN}/Projects/Deep/Otter%20Notes`,
        `${ORIGIN}/Projects/Wikibot`,
        `${ORIGIN}/Projectsmith`,
        `${ORIGIN}/Quote%27s%20%26%20%3CAmps%3E`,
      ].sort(),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(xml).toContain(
      `<loc>${ORIGIN}/Projects/Deep/Otter%20Notes</loc><lastmod>${today}</lastmod><priority>0.8</priority>`,
    );
    expect(xml).toContain(`<loc>${ORIGIN}/Home</loc><lastmod>${today}</lastmod><priority>1.0</priority>`);
    expect(xml).not.toMatch(/<loc>[^<]*[&"'][^<]*<\/loc>/);
  });

  it('follows the public origin from the configuration', async () => {
    const w = await openTestWiki({ PUBLIC_ORIGIN: 'https://docs.example.org' });
    await w.wiki.writePage('A', 'a', { author: ALICE });
    const xml = await (await w.app.fetch(new Request('https://docs.example.org/sitemap.xml'))).text();
    await w.close();
    expect(xml).toContain('<loc>https://docs.example.org/A</loc>');
  });

  it('asks for sign-in on a private wiki, like every other page', async () => {
    const w = await openTestWiki({ WIKI_READ_ACCESS: 'signed-in' });
    const response = await w.get('/sitemap.xml');
    await w.close();
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/-\/login\?return_to=%2Fsitemap.xml/);
  });
});
