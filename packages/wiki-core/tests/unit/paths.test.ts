import { describe, expect, it } from '@jest/globals';
import { InvalidPathError, normalizePagePath, pagePathToFile } from '../../src/index.js';

describe('normalizePagePath', () => {
  it.each([
    ['  Foo//Bar Baz.md ', 'Foo/Bar Baz'],
    ['Foo/ Bar /', 'Foo/Bar'],
    ['Home', 'Home'],
    ['home.MD', 'home'],
    ['Ünïcode/Straße', 'Ünïcode/Straße'],
  ])('canonicalises %j to %j', (input, expected) => {
    expect(normalizePagePath(input)).toBe(expected);
  });

  it.each([
    ['../x', /"\.\."/],
    ['/etc/passwd', /absolute/],
    ['a/../../b', /"\.\."/],
    ['.git/config', /\.git/],
    ['a/.GIT/x', /\.git/],
    ['GIT~1/config', /\.git/],
    ['x\u0000y', /NUL/],
    ['x\ny', /control character/],
    ['x\ty', /control character/],
    ['a'.repeat(201), /too long/],
    [`${'abc/'.repeat(260)}x`, /limit is 1000/],
    ['', /empty/],
    ['   ', /empty/],
    ['.md', /empty/],
    ['a\\b', /backslash/],
    ['C:/Windows', /absolute/],
    ['.hidden', /may not start with "\."/],
    ['x.md/y', /may not end with "\.md"/],
    ['bad\ud800', /Unicode/],
  ])('rejects %j with a clear InvalidPathError', (input, message) => {
    // Act
    const act = () => normalizePagePath(input);
    // Assess
    expect(act).toThrow(InvalidPathError);
    expect(act).toThrow(message);
  });

  it('rejects a non-string path', () => {
    expect(() => normalizePagePath(42 as unknown as string)).toThrow(InvalidPathError);
  });
});

describe('pagePathToFile', () => {
  it.each([
    ['Foo/Bar Baz', 'foo/bar baz.md'],
    ['FOO/BAR BAZ.md', 'foo/bar baz.md'],
    ['Home', 'home.md'],
  ])('maps %j to the Otterwiki file %j', (path, file) => {
    expect(pagePathToFile(path)).toBe(file);
  });
});
