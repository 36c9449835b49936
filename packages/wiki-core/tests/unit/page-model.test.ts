import { describe, expect, it } from '@jest/globals';
import { plainText } from '../../src/markdown.js';
import { extractLinks, parseWikiLinks, rewriteWikiLinks } from '../../src/page-model.js';

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
    const body =
      '[[Home]] [[home]] [a](Other%20Page) [b](../Up.md) [c](https://x.org) ![i](pic.png) [d](/Root) [[Sub/Me]] [[../../etc]]';
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

describe('one WikiLink grammar for rendering, indexing and renames', () => {
  const body = [
    'A [[Old]] link, `[[Old]]` in a code span and ``[[Old]] ` x`` in another.',
    '',
    '    [[Old]] in an indented code block',
    '',
    '~~~',
    '[[Old]] in a fence',
    '~~~',
    '',
    '> quoted [[Label first|Old]]',
    '',
    '- item [[old#part]]',
    '  continued `[[Old]]` [[Old]]',
    '',
    '| [[Old]] | `[[Old]]` | [[Old]] |',
    '|---|---|---|',
    '| x | [[Old]] | \\[[Old]] |',
    '',
    '## [[Old]] ##',
    '![alt [[Old]]](pic.png)',
  ].join('\n');

  it('indexes only the links the renderer draws', () => {
    expect(parseWikiLinks(body).map((l) => l.target)).toEqual(['Old', 'Old', 'old', 'Old', 'Old', 'Old', 'Old', 'Old']);
    expect(extractLinks('Me', '`[[Code]]` and\n\n```\n[[Fenced]]\n```\n[[Real]]')).toEqual(['Real']);
  });

  it('rewrites exactly those links on rename and leaves code, image text and escapes untouched', () => {
    const expected = body
      .replace('A [[Old]] link', 'A [[New]] link')
      .replace('[[Label first|Old]]', '[[Label first|New]]')
      .replace('[[old#part]]', '[[New#part]]')
      .replace('`[[Old]]` [[Old]]', '`[[Old]]` [[New]]')
      .replace('| [[Old]] | `[[Old]]` | [[Old]] |', '| [[New]] | `[[Old]]` | [[New]] |')
      .replace('| x | [[Old]] |', '| x | [[New]] |')
      .replace('## [[Old]] ##', '## [[New]] ##');
    expect(rewriteWikiLinks(body, 'old', 'New')).toBe(expected);
  });

  it('keeps CRLF line ends and frontmatter as they are', () => {
    const text = '---\r\ntitle: "[[Old]]"\r\n---\r\nline\r\n[[Old]] and `[[Old]]`\r\n';
    expect(rewriteWikiLinks(text, 'old', 'New')).toBe(
      '---\r\ntitle: "[[Old]]"\r\n---\r\nline\r\n[[New]] and `[[Old]]`\r\n',
    );
  });
});
