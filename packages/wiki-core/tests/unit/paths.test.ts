import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidPathError, normalizePagePath, pageFileName } from '../../src/index.js';

describe('normalizePagePath', () => {
  it.each([
    ['  Foo//Bar Baz.md ', 'Foo/Bar Baz'],
    ['Foo/Bar/', 'Foo/Bar'],
    ['Home', 'Home'],
    ['home.MD', 'home'],
    ['home.Md', 'home'],
    ['Ünïcode/Straße', 'Ünïcode/Straße'],
    ['X .md', 'X'],
    // Otterwiki keeps spaces around "/" (its file is `foo / bar.md`): only the whole name is trimmed.
    ['Foo / Bar', 'Foo / Bar'],
    [' Foo/ Bar ', 'Foo/ Bar'],
  ])('canonicalises %j to %j', (input, expected) => {
    expect(normalizePagePath(input)).toBe(expected);
  });

  it('composes Unicode to NFC, so NFD and NFC spellings name the same page', () => {
    // Prepare
    const nfd = 'Cafe\u0301/Zu\u0308rich';
    // Act
    const normalized = normalizePagePath(nfd);
    // Assess
    expect(normalized).toBe('Caf\u00e9/Z\u00fcrich');
    expect(pageFileName(nfd)).toBe(pageFileName('Caf\u00e9/Z\u00fcrich'));
  });

  it.each([
    ['../x', /"\.\."/],
    ['/etc/passwd', /absolute/],
    ['a/../../b', /"\.\."/],
    ['.git/config', /\.git/],
    ['a/.GIT/x', /\.git/],
    ['GIT~1/config', /\.git/],
    ['a/Git~12', /\.git/],
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
    ['X.md.md', /may not end with "\.md"/],
    ['X.md.md.md', /may not end with "\.md"/],
    ['X.MD .md', /may not end with "\.md"/],
    ['Foo/   /Bar', /only spaces/],
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

  // Names built from the pieces that trip normalisation up: suffixes, slashes, spaces, dots, decomposed accents.
  const piece = fc.constantFrom(
    'a',
    'B',
    '.md',
    '.MD',
    '/',
    '//',
    ' ',
    '.',
    'e\u0301',
    '\u00e9',
    'ß',
    '-',
    '😀',
    '\u3000',
  );
  const joined = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
  const names = fc.oneof(joined, fc.string({ unit: 'binary' }));

  it('is idempotent: a normalised name normalises to itself', () => {
    fc.assert(
      fc.property(names, (name) => {
        let once: string;
        try {
          once = normalizePagePath(name);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidPathError);
          return;
        }
        expect(normalizePagePath(once)).toBe(once);
        expect(pageFileName(once)).toBe(pageFileName(name));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('pageFileName', () => {
  it.each([
    ['Foo/Bar Baz', 'foo/bar baz.md'],
    ['FOO/BAR BAZ.md', 'foo/bar baz.md'],
    ['Home', 'home.md'],
  ])('maps %j to the Otterwiki file %j', (path, file) => {
    expect(pageFileName(path)).toBe(file);
  });
});
