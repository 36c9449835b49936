import { describe, expect, it } from '@jest/globals';
import { frontmatterTags, pageTitle, parseFrontmatter } from '../../src/index.js';

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

describe('pageTitle', () => {
  it('prefers frontmatter title, then the first heading outside code, then the last segment', () => {
    expect(pageTitle('A/B', { title: 'FM' }, '# H')).toBe('FM');
    expect(pageTitle('A/B', {}, '```\n# not this\n```\n## Real Title ##\n')).toBe('Real Title');
    expect(pageTitle('A/B', {}, 'no heading')).toBe('B');
  });
});
