/**
 * @module Unpacks a function's deployment zip once into a cache directory keyed by the zip's content
 * hash, as Lambda unpacks it into /var/task. Entries that would land outside the directory are refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { LocalStackError } from './errors.js';

/** Where unpacked artifacts are kept unless told otherwise. */
export const DEFAULT_ARTIFACT_CACHE = join(tmpdir(), 'wikibot-local-gateway', 'artifacts');

/**
 * Unpacks `zipPath` (once per distinct content) and returns the directory holding its files.
 *
 * @example
 * ```ts
 * const taskRoot = await unpackArtifact('cdktf.out/stacks/dev/assets/mcp_code_…/lambda.zip');
 * // <tmp>/wikibot-local-gateway/artifacts/<sha256>/index.mjs
 * ```
 */
export async function unpackArtifact(zipPath: string, cacheDir = DEFAULT_ARTIFACT_CACHE): Promise<string> {
  let zip: Buffer;
  try {
    zip = await readFile(zipPath);
  } catch (cause) {
    throw new LocalStackError(`Lambda artifact ${zipPath} is missing: run \`npm run build\` and \`npm run synth\``, {
      cause,
    });
  }
  const target = join(cacheDir, createHash('sha256').update(zip).digest('hex'));
  if (await exists(join(target, '.complete'))) return target;
  const staging = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await extract(zip, staging);
    await writeFile(join(staging, '.complete'), '');
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    // Another process unpacked the same zip first; theirs is identical.
    await rm(staging, { recursive: true, force: true });
    if (!(await exists(join(target, '.complete')))) throw error;
  }
  return target;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function extract(zip: Buffer, dir: string): Promise<void> {
  const root = resolve(dir);
  const archive = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) =>
      err ? rej(new LocalStackError('artifact is not a zip', { cause: err })) : res(file),
    ),
  );
  await mkdir(root, { recursive: true });
  await new Promise<void>((res, rej) => {
    archive.on('error', rej);
    archive.on('end', () => res());
    archive.on('entry', (entry: yauzl.Entry) => {
      const destination = resolve(root, entry.fileName);
      if (destination !== root && !destination.startsWith(root + sep)) {
        rej(new LocalStackError(`artifact entry "${entry.fileName}" would be written outside its directory`));
        return;
      }
      if (entry.fileName.endsWith('/')) {
        mkdir(destination, { recursive: true }).then(() => archive.readEntry(), rej);
        return;
      }
      archive.openReadStream(entry, (err, stream) => {
        if (err) return rej(err);
        mkdir(dirname(destination), { recursive: true })
          .then(() => pipeline(stream, createWriteStream(destination)))
          .then(() => archive.readEntry(), rej);
      });
    });
    archive.readEntry();
  });
}
