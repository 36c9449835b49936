import { describe, expect, it } from '@jest/globals';
import {
  extractLinks,
  frontmatterTags,
  pageTitle,
  parseFrontmatter,
  parseWikiLinks,
  plainText,
  rewriteWikiLinks,
} from '../../src/index.js';

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

describe('parseWikiLinks', () => {
  it('reads [[Page]] and [[Label|Page]] with the label first, as Otterwiki', () => {
    expect(parseWikiLinks('See [[Home]], [[The docs|Guide/Intro#setup]] and `x`')).toEqual([
      { target: 'Home', label: 'Home' },
      { target: 'Guide/Intro', label: 'The docs' },
    ]);
  });

  it('ignores links inside fenced code', () => {
    expect(parseWikiLinks('```\n[[Nope]]\n```\n[[Yes]]')).toEqual([{ target: 'Yes', label: 'Yes' }]);
  });
});

describe('extractLinks', () => {
  it('collects WikiLinks and relative Markdown links, without duplicates, self-links or external URLs', () => {
    const body = '[[Home]] [[home]] [a](Other%20Page) [b](../Up.md) [c](https://x.org) ![i](pic.png) [d](/Root) [[Sub/Me]] [[../../etc]]';
    expect(extractLinks('Sub/Me', body)).toEqual(['Home', 'Sub/Other Page', 'Up', 'Root']);
  });
});

describe('rewriteWikiLinks', () => {
  it('rewrites [[Old]] and [[Label|Old]] case-insensitively, keeping anchors and code', () => {
    const text = '[[Old]] [[label|old#x]] [[Older]] `y` \n```\n[[Old]]\n```\n';
    expect(rewriteWikiLinks(text, 'old', 'New/Place')).toBe(
      '[[New/Place]] [[label|New/Place#x]] [[Older]] `y` \n```\n[[Old]]\n```\n',
    );
  });
});

describe('plainText', () => {
  it('drops Markdown markup and keeps the words', () => {
    expect(plainText('# Title\n\n**bold** [[Label|Target]] [text](http://x) <b>x</b>')).toBe('Title bold Label text x');
  });
});
