/**
 * The bundler's own behaviour, on small projects written for each test: content keys, the deferred entity decoder,
 * and the command's arguments. What the apps' bundles load is checked on the real artifacts (apps' cold-artifact
 * tests).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
// @ts-expect-error -- plain ESM without type declarations
import { bundleLambda, contentKey, parseBundleArgs } from '../../bin/bundle-lambda.mjs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wikibot-bundle-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

describe('contentKey', () => {
  const project = {
    'src/entry.ts':
      "import { greet } from './start.js';\nexport const run = async () => (await import('./render.js')).render(greet());\n",
    'src/start.ts': "export const greet = (): string => 'hello';\n",
    'src/render.ts':
      "import { shout } from './shout.js';\nexport const render = (text: string): string => shout(text);\n",
    'src/shout.ts': 'export const shout = (text: string): string => text.toUpperCase();\n',
  };

  it('changes when a source the module reaches changes, and only then', async () => {
    // Arrange
    await write(project);
    const before = await contentKey(join(dir, 'src/render.ts'), dir);
    // Act: code the module does not reach changes (the entry's chunk, whose name every lazy chunk's name hashes)
    await write({ 'src/start.ts': "export const greet = (): string => 'hello again';\n" });
    const unrelated = await contentKey(join(dir, 'src/render.ts'), dir);
    // …then code it does reach
    await write({ 'src/shout.ts': 'export const shout = (text: string): string => `${text.toUpperCase()}!`;\n' });
    const reached = await contentKey(join(dir, 'src/render.ts'), dir);
    // Assess
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(unrelated).toBe(before);
    expect(reached).not.toBe(before);
  });

  it('is given to the bundle under the name asked for', async () => {
    // Arrange
    await write({
      ...project,
      'src/key.ts':
        "declare const RENDER_KEY: string | undefined;\nexport const key = typeof RENDER_KEY === 'string' ? RENDER_KEY : 'none';\n",
      'src/keyed.ts': "export { key } from './key.js';\n",
    });
    // Act
    await bundleLambda({ entry: 'src/keyed.ts', cwd: dir, contentKeys: { RENDER_KEY: 'src/render.ts' } });
    const { key } = (await import(pathToFileURL(join(dir, 'dist/index.mjs')).href)) as { key: string };
    // Assess
    expect(key).toBe(await contentKey(join(dir, 'src/render.ts'), dir));
  });
});

describe("entities' decoder", () => {
  /** A stand-in for the entities package: its decode module records when it is evaluated. */
  const entities = {
    'node_modules/entities/package.json': JSON.stringify({
      name: 'entities',
      type: 'module',
      exports: { '.': './index.js', './decode': './decode.js' },
    }),
    'node_modules/entities/index.js': "export * from './decode.js';\n",
    'node_modules/entities/decode.js':
      "globalThis.decodeTableBuilt = (globalThis.decodeTableBuilt ?? 0) + 1;\nexport const decodeHTMLStrict = (text) => text.replaceAll('&amp;', '&');\nexport const decodeXML = (text) => text;\n",
  };

  it('is evaluated on the first decode, not when the bundle is imported', async () => {
    // Arrange
    await write({
      ...entities,
      'src/entry.ts':
        "import { decodeHTMLStrict } from 'entities';\nexport const decode = (text: string): string => decodeHTMLStrict(text);\n",
    });
    await bundleLambda({ entry: 'src/entry.ts', cwd: dir });
    const state = globalThis as { decodeTableBuilt?: number };
    delete state.decodeTableBuilt;
    // Act
    const { decode } = (await import(pathToFileURL(join(dir, 'dist/index.mjs')).href)) as {
      decode: (text: string) => string;
    };
    const imported = state.decodeTableBuilt;
    const decoded = [decode('a &amp; b'), decode('&amp;&amp;')];
    // Assess
    expect(imported).toBeUndefined();
    expect(decoded).toEqual(['a & b', '&&']);
    expect(state.decodeTableBuilt).toBe(1);
  });

  it('fails the build when another name is imported from entities', async () => {
    await write({
      ...entities,
      'src/entry.ts': "import { decodeXML } from 'entities';\nexport const x = decodeXML('a');\n",
    });
    await expect(bundleLambda({ entry: 'src/entry.ts', cwd: dir })).rejects.toThrow(/decodeXML/);
  });
});

describe('parseBundleArgs', () => {
  it("reads a package's build script", () => {
    expect(parseBundleArgs(['src/handler.ts', '--content-key', 'KEY=src/a.ts', '--outdir', 'out'])).toEqual({
      entry: 'src/handler.ts',
      outdir: 'out',
      contentKeys: { KEY: 'src/a.ts' },
    });
  });

  it.each([
    [[]],
    [['a.ts', 'b.ts']],
    [['a.ts', '--outdir']],
    [['a.ts', '--content-key', '1X=b.ts']],
    [['a.ts', '--x', 'y']],
  ])('refuses %j', (args) => {
    expect(() => parseBundleArgs(args)).toThrow(/usage: wikibot-bundle-lambda/);
  });
});
