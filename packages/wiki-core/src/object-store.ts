/**
 * @module The object database: objects queued by the write being built, packfiles already opened, loose objects,
 * then packfiles again (a new pack may have appeared) — one lookup order for every kind of object. New objects
 * are queued and written together right before the ref moves.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-fs.js';
import { WikiError } from './errors.js';
import {
  hasLooseObject,
  looseObjectPath,
  readLooseObject,
  type EncodedObject,
  type GitObject,
} from './object-codec.js';
import { PackStore } from './pack-reader.js';

/** Loose and packed objects of one repository, plus the objects of the write in progress. */
export class ObjectStore {
  private readonly packs: PackStore;
  /** Objects of the commit being built, written to disk together (in parallel) right before the ref moves. */
  private readonly pending = new Map<string, EncodedObject>();
  private readonly objectDirs = new Set<string>();

  constructor(
    private readonly gitdir: string,
    private readonly write: AtomicWriteOptions,
  ) {
    this.packs = new PackStore(gitdir, (oid) => readLooseObject(gitdir, oid));
  }

  /** Reads an object of the expected type. @throws WikiError when it is missing or of another type */
  read(oid: string, expected: 'blob' | 'tree' | 'commit'): GitObject {
    // Packs already opened first, as git looks: a miss there is a binary search, a missing loose file a failed
    // open (and a thrown error), which was most of a packed blob's read time on a cold open.
    const object =
      this.pending.get(oid) ?? this.packs.lookup(oid) ?? readLooseObject(this.gitdir, oid) ?? this.packs.read(oid);
    if (object === null) throw new WikiError(`Object ${oid} is missing from the repository`);
    if (object.type !== expected) throw new WikiError(`Object ${oid} is a ${object.type}, not a ${expected}`);
    return object;
  }

  /** Stored ids (loose or packed) starting with `prefix`. */
  async matching(prefix: string): Promise<string[]> {
    const dir = join(this.gitdir, 'objects', prefix.slice(0, 2));
    const names = await fsp.readdir(dir).catch(() => [] as string[]);
    const loose = names.filter((n) => n.startsWith(prefix.slice(2))).map((n) => prefix.slice(0, 2) + n);
    return [...new Set([...loose, ...this.packs.matching(prefix)])];
  }

  /** Queues an object for {@link flush} unless it is already stored; returns its id. */
  queue(object: EncodedObject): string {
    if (!this.pending.has(object.oid) && !hasLooseObject(this.gitdir, object.oid)) this.pending.set(object.oid, object);
    return object.oid;
  }

  /**
   * Writes queued objects, each atomically (temp file, fsync when durable, rename), all in parallel so their
   * flushes share one journal commit instead of queueing one after another.
   */
  async flush(): Promise<void> {
    const objects = [...this.pending.values()];
    await Promise.all(
      objects.map(async (object) => {
        const dir = join(this.gitdir, 'objects', object.oid.slice(0, 2));
        if (!this.objectDirs.has(dir)) {
          await fsp.mkdir(dir, { recursive: true });
          this.objectDirs.add(dir);
        }
        await writeFileAtomic(looseObjectPath(this.gitdir, object.oid), object.deflated, this.write);
      }),
    );
    for (const object of objects) this.pending.delete(object.oid);
  }

  /** Forgets queued objects of a write that was abandoned. */
  discardPending(): void {
    this.pending.clear();
  }
}
