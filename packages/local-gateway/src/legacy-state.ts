/**
 * @module State an earlier `npm start` kept beside the data directory (`<parent>/local-secrets.json` and
 * `<parent>/authkit/`, e.g. `<repo>/.data/`), moved once into the per-user state folder, so an existing setup
 * keeps its keys, registered clients and sessions while nothing secret stays in the source tree or beside the data.
 */
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true, preserveTimestamps: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Moves the old state beside `dataDir` into `stateDir` when `stateDir` does not exist yet and the old state is
 * complete (secrets and the stand-in's keys). Returns the folder it came from, or undefined.
 */
export async function adoptLegacyState(dataDir: string, stateDir: string): Promise<string | undefined> {
  const old = dirname(dataDir);
  if (old === stateDir || (await exists(stateDir))) return undefined;
  const secrets = join(old, 'local-secrets.json');
  const authkit = join(old, 'authkit');
  if (!(await exists(secrets)) || !(await exists(join(authkit, 'keys.json')))) return undefined;
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await move(secrets, join(stateDir, 'local-secrets.json'));
  await move(authkit, join(stateDir, 'authkit'));
  return old;
}
