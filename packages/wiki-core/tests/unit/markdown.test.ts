import { describe, expect, it } from '@jest/globals';
import { parseFrontmatter } from '../../src/frontmatter.js';
import { frontmatterTags, pageTitle, readFrontmatter } from '../../src/index.js';

describe('parseFrontmatter', () => {
  it('splits YAML frontmatter from the body', () => {
    const { frontmatter, body } = parseFrontmatter('---\ntitle: Hello\ncategory: Notes\n---\n# Body\n');
    expect(frontmatter).toEqual({ title: 'Hello', category: 'Notes' });
    expect(body).toBe('# Body\n');
  });

  it('treats invalid YAML as no frontmatter', () => {
    const text = '---\n: : [\n---\nbody';
    expect(parseFrontmatter(text)).toEqual({ frontmatter: {}, body: text });
  });

  it('treats a document without a leading --- as all body', () => {
    expect(parseFrontmatter('# Hi\n---\nx: 1\n---\n').frontmatter).toEqual({});
  });

  it.each([
    [{ tags: ['a', 'b', 'a'] }, ['a', 'b']],
    [{ tags: 'a, b ,, c' }, ['a', 'b', 'c']],
    [{ tags: 7 }, []],
    [{}, []],
  ])('reads tags from %j', (frontmatter, tags) => {
    expect(frontmatterTags(frontmatter)).toEqual(tags);
  });
});

describe('readFrontmatter', () => {
  it.each([
    ['a page without frontmatter', '# Plain\n\ntext\n'],
    ['YAML frontmatter', '---\ntitle: Hello\ntags: [a, b]\n---\n# Body\n'],
    ['an empty frontmatter block', '---\n\n---\nbody'],
    ['invalid YAML', '---\n: : [\n---\nbody'],
    ['a YAML list (not a mapping)', '---\n- a\n- b\n---\nbody'],
    ['a block that is not at the top', '# Hi\n---\nx: 1\n---\n'],
  ])('splits %s exactly as parseFrontmatter does', async (_, text) => {
    expect(await readFrontmatter(text)).toEqual(parseFrontmatter(text));
  });
});

describe('pageTitle', () => {
  it('prefers frontmatter title, then the first heading outside code, then the last segment', () => {
    expect(pageTitle('A/B', { title: 'FM' }, '# H')).toBe('FM');
    expect(pageTitle('A/B', {}, '```\n# not this\n```\n## Real Title ##\n')).toBe('Real Title');
    expect(pageTitle('A/B', {}, 'no heading')).toBe('B');
  });
});
