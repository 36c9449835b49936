/**
 * @module node:zlib, loaded on the first deflate (a write) or the first inflate of an object too large to inflate in
 * JavaScript (`object-inflate.ts`). Importing it loads node:stream with it (~12 M instructions, ~7% of a cold page
 * view): a page's first render inflates its blob without it, and a view of a page rendered before reads no git
 * object at all (its head comes from the index cache, its HTML from the app's render cache).
 */
import type * as NodeZlib from 'node:zlib';

let zlib: typeof NodeZlib | undefined;
/** node:zlib (Node loads a built-in once; later calls are a lookup). */
export const loadZlib = (): typeof NodeZlib => (zlib ??= process.getBuiltinModule('node:zlib'));
/** node:zlib if something loaded it already, else undefined. */
export const loadedZlib = (): typeof NodeZlib | undefined => zlib;
