#!/usr/bin/env node
/**
 * Bundles one Lambda entry point with esbuild into a single minified ESM file for the nodejs22.x
 * arm64 runtime, then zips it deterministically (sorted entries, fixed timestamps and modes), so the
 * same sources give a byte-identical zip and Terraform's source_code_hash changes only with the code.
 *
 * usage: wikibot-bundle-lambda <entry.ts> [--outdir dist] [--name index] [--content-key NAME=module.ts ...]
 * writes: <outdir>/<name>.mjs and <outdir>/chunks/*.mjs (+ unlinked .map), <outdir>/lambda.zip, <outdir>/artifact.json
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve, sep } from 'node:path';
import yazl from 'yazl';

// 1980-01-01T00:00:00Z plus a day: the earliest instant a zip's DOS timestamp holds in every timezone.
const FIXED_MTIME = new Date(Date.UTC(1980, 0, 2));

// The AWS SDK v3 is in the Lambda runtime; never ship the CDKTF provider bindings.
const EXTERNAL = ['@aws-sdk/*', '@cdktf/*', 'cdktf', 'constructs'];

/**
 * Bundles `entry` and writes the zip; returns the artifact's facts. `contentKeys` maps a global name to a module: the
 * bundle's code reads that name as the module's {@link contentKey}.
 */
export async function bundleLambda({ entry, outdir = 'dist', name = 'index', cwd = process.cwd(), contentKeys = {} }) {
  const define = {};
  for (const [global, module] of Object.entries(contentKeys))
    define[global] = JSON.stringify(await contentKey(module, cwd));
  const out = resolve(cwd, outdir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const file = `${name}.mjs`;
  const result = await build({
    // Splitting keeps what only some requests need (the MCP SDK, git, WorkOS) in chunks that are read
    // from disk only when a dynamic import asks for them, so a cold start parses little.
    entryPoints: { [name]: resolve(cwd, entry) },
    outdir: out,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    // Node 20 locally, Node 22 on Lambda: emit what both run.
    target: 'node20',
    format: 'esm',
    minify: true,
    // Maps are written beside the bundle for decoding a stack trace offline, but not zipped and not linked: under
    // --enable-source-maps Node scans every module that carries a sourceMappingURL comment (line lengths, a read of
    // the .map) at load — ~5% of a cold wiki page view. Without maps in the zip that flag has nothing to map, so the
    // stack does not set it (it cost a cold page view ~5 M instructions of ~160 M by itself).
    sourcemap: 'external',
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require(); ESM output has none unless we make one.
    banner: {
      js: "import{createRequire as __wbCreateRequire}from'node:module';const require=__wbCreateRequire(import.meta.url);",
    },
    external: EXTERNAL,
    define,
    plugins: [lazyEntriesShareTheStartChunk(resolve(cwd, entry)), nodeFsWithoutItsEsFacade(), entitiesOnFirstDecode()],
    absWorkingDir: cwd,
  });
  const outputs = Object.keys(result.metafile.outputs)
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => relative(out, resolve(cwd, f)).split(sep).join('/'))
    .sort();
  const files = outputs.map((f) => [f, readFileSync(join(out, f))]);
  const code = readFileSync(join(out, file));
  const zipPath = join(out, 'lambda.zip');
  const zip = await deterministicZip(files);
  writeFileSync(zipPath, zip);
  // The lazy entries' wrappers (below) are not sources.
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith(`${LAZY}:`)).length;
  const facts = {
    entry,
    handler: `${name}.handler`,
    zip: 'lambda.zip',
    zipBytes: zip.length,
    bundleBytes: files.reduce((n, [, bytes]) => n + bytes.length, 0),
    entryBytes: code.length,
    files: outputs,
    sha256: createHash('sha256').update(zip).digest('base64'),
    inputs,
  };
  writeFileSync(join(out, 'artifact.json'), `${JSON.stringify(facts, null, 2)}\n`);
  writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
  return facts;
}

/**
 * What `module`'s code is (a path from `cwd`, or a package name resolved from there): the SHA-256 of every source file
 * that contributes to it when esbuild bundles it alone (tree-shaken, dependencies and what it imports lazily
 * included), by path from the workspace root and contents, so every package's build gives the same key. Unlike the
 * name of the chunk it is bundled into, which hashes every chunk that chunk imports (the start chunk, which any change
 * changes), it changes only when that code does: a cache of the module's results outlives deployments that do not
 * touch it.
 */
export async function contentKey(module, cwd) {
  const path = resolve(cwd, module);
  const entry = existsSync(path) ? path : createRequire(join(cwd, 'package.json')).resolve(module);
  const root = workspaceRoot(cwd);
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    outdir: 'content-key',
    external: EXTERNAL,
    plugins: [entitiesOnFirstDecode()],
    logLevel: 'warning',
    absWorkingDir: cwd,
  });
  const [output] = Object.values(metafile.outputs).filter((o) => o.entryPoint !== undefined);
  const sources = Object.keys(output.inputs)
    .filter((input) => output.inputs[input].bytesInOutput > 0)
    .sort();
  const hash = createHash('sha256');
  for (const input of sources) {
    // A plugin's module (`namespace:path`) is code of this file, which the key does not cover.
    const plugin = /^[\w-]+:/.test(input);
    const path = plugin ? input : relative(root, resolve(cwd, input)).split(sep).join('/');
    hash
      .update(`${path}\0`)
      .update(plugin ? '' : readFileSync(resolve(cwd, input)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The directory holding pnpm-workspace.yaml above `dir`, else `dir`. */
function workspaceRoot(dir) {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, 'pnpm-workspace.yaml'))) return at;
    if (dirname(at) === at) return resolve(dir);
  }
}

const LAZY = 'wikibot-lazy-entry';

/**
 * esbuild puts each module in a chunk keyed by the set of entry points (the entry and every `import()` target) that
 * reach it, so every distinct combination of lazy modules sharing code with the start path made one more small chunk
 * that a cold start reads (a wiki page view read 16 files). A lazy module is only ever loaded after the entry, so
 * having each `import()` target also import the entry costs nothing at run time, but gives everything the entry
 * reaches the same set: one chunk (with esbuild's runtime helpers, which dependencies' lazy modules share). What only
 * lazy modules reach stays in their own chunks. A CommonJS target is left as it is (a wrapper's `export *` would
 * hide its `default`). A module must not await an `import()` at its top level: the wrapper would wait for itself.
 */
export function lazyEntriesShareTheStartChunk(entryPath) {
  return {
    name: LAZY,
    setup(build) {
      const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === LAZY) return undefined;
        const target = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: LAZY,
        });
        if (target.errors.length > 0 || target.external || target.namespace !== 'file') return target;
        const source = readFileSync(target.path, 'utf8');
        if (!/\bexport\s*(?:[{*]|default\b|const\b|let\b|var\b|function\b|class\b|async\b)/.test(source)) return target;
        return {
          // Relative, so that the chunks' hashes (and the zip's) do not depend on where the sources are checked out.
          path: relative(cwd, target.path).split(sep).join('/'),
          namespace: LAZY,
          pluginData: { hasDefault: /\bexport\s+default\b|\bas\s+default\b/.test(source) },
        };
      });
      // The wrapper keeps the target's file name, so its chunk is named as the target's would be (`markdown-<hash>`).
      build.onLoad({ filter: /.*/, namespace: LAZY }, (args) => {
        const target = resolve(cwd, args.path);
        const from = JSON.stringify(target);
        return {
          contents: [
            `import ${JSON.stringify(entryPath)};`,
            `export * from ${from};`,
            ...(args.pluginData.hasDefault ? [`export { default } from ${from};`] : []),
          ].join('\n'),
          resolveDir: dirname(target),
          loader: 'js',
        };
      });
    },
  };
}

const NODE_FS = 'wikibot-node-fs';

/**
 * `import … from 'node:fs'` becomes a property read of `process.getBuiltinModule('node:fs')` at each use. An ES import
 * of node:fs makes Node build its ES facade, which reads every export, and the `ReadStream`/`WriteStream` getters
 * among them load fs streams and with them node:stream: ~5–10 M instructions (cachegrind) of a cold wiki page view
 * that reads and writes no stream (of ~160 M; bare `node -e 0` ~88 M). The shim is CommonJS, so esbuild turns the
 * named imports into reads of its exports at call time, which touch no getter. Only node:fs has such getters on
 * the start path; routing every built-in through `require` instead measured worse (+33 M).
 */
export function nodeFsWithoutItsEsFacade() {
  return {
    name: NODE_FS,
    setup(build) {
      build.onResolve({ filter: /^(node:)?fs$/ }, (args) =>
        args.kind === 'import-statement' ? { path: 'node:fs', namespace: NODE_FS } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: NODE_FS }, () => ({
        contents: "module.exports = process.getBuiltinModule('node:fs');",
        loader: 'js',
      }));
    },
  };
}

const ENTITIES = 'wikibot-entities';

/**
 * markdown-it imports `decodeHTMLStrict` from entities, whose module decodes its packed HTML entity trie (13,494
 * values, in a loop the interpreter runs) when it is evaluated: ~15 M instructions (cachegrind) of a page's first
 * render (~243 M; bare `node -e 0` ~88 M), for a table read only when a text holds a `&`. The import gets a module
 * whose function `require`s entities on its first call instead; esbuild bundles an ES module that is `require`d as
 * one evaluated on first `require`. An import of any other name from entities fails the build, since the module
 * exports no other.
 */
export function entitiesOnFirstDecode() {
  return {
    name: ENTITIES,
    setup(build) {
      build.onResolve({ filter: /^entities$/ }, (args) =>
        args.namespace === ENTITIES
          ? undefined
          : { path: 'entities', namespace: ENTITIES, pluginData: args.resolveDir },
      );
      build.onLoad({ filter: /.*/, namespace: ENTITIES }, (args) => ({
        contents: "export const decodeHTMLStrict = (text) => require('entities/decode').decodeHTMLStrict(text);",
        // entities resolves from where its importer is (pnpm installs it beside markdown-it only).
        resolveDir: args.pluginData,
        loader: 'js',
      }));
    },
  };
}

/** Zips [name, bytes] pairs with sorted names and fixed metadata. */
export function deterministicZip(entries) {
  return new Promise((resolvePromise, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      zip.addBuffer(bytes, name, { mtime: FIXED_MTIME, mode: 0o100644, compress: true, forceZip64Format: false });
    }
    zip.end();
    const chunks = [];
    zip.outputStream.on('data', (c) => chunks.push(c));
    zip.outputStream.on('end', () => resolvePromise(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const USAGE =
  'usage: wikibot-bundle-lambda <entry.ts> [--outdir dist] [--name index] [--content-key NAME=module.ts ...]';

/** {@link bundleLambda}'s options from the command's arguments (a package's `build` script); throws on bad ones. */
export function parseBundleArgs(args) {
  const options = { contentKeys: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      if (options.entry !== undefined) throw new Error(USAGE);
      options.entry = arg;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(USAGE);
    if (arg === '--outdir') options.outdir = value;
    else if (arg === '--name') options.name = value;
    else if (arg === '--content-key' && /^[A-Za-z_$][\w$]*=./.test(value)) {
      const at = value.indexOf('=');
      options.contentKeys[value.slice(0, at)] = value.slice(at + 1);
    } else throw new Error(USAGE);
  }
  if (options.entry === undefined) throw new Error(USAGE);
  return options;
}

const invokedDirectly = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  let options;
  try {
    options = parseBundleArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const facts = await bundleLambda(options);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')).name;
  console.log(
    `${pkg}: lambda.zip ${(facts.zipBytes / 1024).toFixed(1)} KiB (bundle ${(facts.bundleBytes / 1024).toFixed(1)} KiB in ${facts.files.length} files, entry ${(facts.entryBytes / 1024).toFixed(1)} KiB, ${facts.inputs} inputs) sha256=${facts.sha256}`,
  );
  if (facts.zipBytes > 1024 * 1024) {
    console.error(`${pkg}: lambda.zip exceeds the 1 MB ceiling`);
    process.exit(1);
  }
}
