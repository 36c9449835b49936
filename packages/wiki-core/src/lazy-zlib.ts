/**
 * @module node:zlib, loaded on the first deflate (a write). Importing it loads node:stream with it (~12 M
 * instructions, ~7% of a cold page view), so reads inflate without it (`zlib-inflate.ts`): a page's first render
 * inflates its blob, and a view of a page rendered before reads no git object at all (its head comes from the index
 * cache, its HTML from the app's render cache).
 */
import type * as NodeZlib from 'node:zlib';

let zlib: typeof NodeZlib | undefined;
/** node:zlib (Node loads a built-in once; later calls are a lookup). */
export const loadZlib = (): typeof NodeZlib => (zlib ??= process.getBuiltinModule('node:zlib'));
