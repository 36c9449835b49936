import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deterministicZip } from '@wikibot/tooling/bundle-lambda';
import { LocalStackError, unpackArtifact } from '../../src/index.js';

describe('unpackArtifact', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'artifact-cache-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('unpacks a zip once per content into a directory named by its hash', async () => {
    // Prepare
    const zip = join(dir, 'lambda.zip');
    await writeFile(
      zip,
      await deterministicZip([
        ['index.mjs', Buffer.from('export const handler = 1;')],
        ['lib/x.js', Buffer.from('x')],
      ]),
    );

    // Act
    const first = await unpackArtifact(zip, join(dir, 'cache'));
    const second = await unpackArtifact(zip, join(dir, 'cache'));

    // Assess
    expect(second).toBe(first);
    expect(await readFile(join(first, 'index.mjs'), 'utf8')).toBe('export const handler = 1;');
    expect(await readFile(join(first, 'lib', 'x.js'), 'utf8')).toBe('x');
  });

  it('refuses an entry that would be written outside the directory', async () => {
    // Prepare: zip writers refuse such names, so rename an entry in the archive's bytes
    const zip = join(dir, 'evil.zip');
    const bytes = await deterministicZip([['ab/escaped.mjs', Buffer.from('bad')]]);
    await writeFile(
      zip,
      Buffer.from(bytes.toString('latin1').replaceAll('ab/escaped.mjs', '../escaped.mjs'), 'latin1'),
    );

    // Act + Assess
    await expect(unpackArtifact(zip, join(dir, 'cache', 'x'))).rejects.toThrow(
      /invalid relative path|outside its directory/,
    );
    expect(existsSync(join(dir, 'cache', 'x', 'escaped.mjs'))).toBe(false);
  });

  it('says to build and synth when the zip is missing', async () => {
    await expect(unpackArtifact(join(dir, 'none.zip'), join(dir, 'cache'))).rejects.toBeInstanceOf(LocalStackError);
    await expect(unpackArtifact(join(dir, 'none.zip'), join(dir, 'cache'))).rejects.toThrow(/npm run build/);
  });
});
