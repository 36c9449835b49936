import { describe, expect, it } from '@jest/globals';
import {
  CHUNK_WORDS,
  MAX_CHUNKED_CHARS,
  MAX_CHUNKS_PER_PAGE,
  OVERLAP_WORDS,
  chunkPage,
  embeddingText,
} from '../../src/chunker.js';

const words = (n: number, word = 'w'): string => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

describe('chunkPage', () => {
  it('bounds a hostile 1 MB page: at most MAX_CHUNKS_PER_PAGE chunks from its first MAX_CHUNKED_CHARS', async () => {
    // Prepare: 1 MB of one-section prose, and 1 MB of headings each followed by a short paragraph.
    const prose = `# Long\n\n${words(150_000)}`;
    const headings = Array.from({ length: 60_000 }, (_, i) => `# h${i}\n${words(12, `s${i}x`)}\n`).join('');
    // Act
    const fromProse = await chunkPage(prose);
    const fromHeadings = await chunkPage(headings);
    // Assess
    expect(fromProse).toHaveLength(MAX_CHUNKS_PER_PAGE);
    expect(fromHeadings.length).toBeLessThanOrEqual(MAX_CHUNKS_PER_PAGE);
    const lastHeading = Number(fromHeadings[fromHeadings.length - 1]!.section.slice(1));
    expect(headings.indexOf(`# h${lastHeading}\n`)).toBeLessThan(MAX_CHUNKED_CHARS);
  });

  it('makes one chunk per section, titled by its heading path', async () => {
    // Prepare
    const page = `---\ntitle: Setup guide\n---\n${words(20, 'intro')}\n\n# Install\n\n${words(20, 'inst')}\n\n## On Linux\n\n${words(20, 'lin')}\n\n# Use\n\n${words(20, 'use')}\n`;
    // Act
    const chunks = await chunkPage(page);
    // Assess
    expect(chunks.map((c) => [c.section, c.sectionPath])).toEqual([
      ['', ''],
      ['Install', 'Install'],
      ['On Linux', 'Install > On Linux'],
      ['Use', 'Use'],
    ]);
    expect(chunks[0]!.text).not.toContain('title');
    expect(chunks[2]!.text).toBe(words(20, 'lin'));
  });

  it('ignores headings inside fenced code and strips markup', async () => {
    const page = `# Real\n\nSee **bold** and [[Other Page]] and [a link](http://x.example).\n\n\`\`\`sh\n# not a heading\necho hi\n\`\`\`\n`;
    const chunks = await chunkPage(page);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.sectionPath).toBe('Real');
    expect(chunks[0]!.text).toContain('See bold and Other Page and a link');
    expect(chunks[0]!.text).toContain('not a heading');
  });

  it('splits a long section into windows that overlap', async () => {
    const chunks = await chunkPage(`# Long\n\n${words(400)}`);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.text.split(' ').length).toBeLessThanOrEqual(CHUNK_WORDS);
    const first = chunks[0]!.text.split(' ');
    const second = chunks[1]!.text.split(' ');
    expect(second.slice(0, OVERLAP_WORDS)).toEqual(first.slice(-OVERLAP_WORDS));
    expect(chunks[chunks.length - 1]!.text.endsWith('w399')).toBe(true);
    expect(chunks.every((c) => c.sectionPath === 'Long')).toBe(true);
  });

  it('merges a stub section into the next one instead of embedding a few words alone', async () => {
    const chunks = await chunkPage(`# Parent\n\nshort words\n\n## Child\n\n${words(30)}`);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.sectionPath).toBe('Parent > Child');
    expect(chunks[0]!.text.startsWith('short words w0')).toBe(true);
  });

  it('returns nothing for an empty page and one chunk for a short one', async () => {
    expect(await chunkPage('')).toEqual([]);
    expect(await chunkPage('just a line')).toEqual([{ section: '', sectionPath: '', text: 'just a line' }]);
  });

  it('prefixes the embedded text with the page title and heading path', async () => {
    const [chunk] = await chunkPage(`# A\n\n## B\n\n${words(20)}`);
    expect(embeddingText('Guide', chunk!)).toBe(`Guide: A > B\n${words(20)}`);
  });
});
