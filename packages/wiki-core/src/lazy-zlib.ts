/**
 * @module node:zlib, loaded on the first inflate or deflate. Importing it loads node:stream with it (~14 M
 * instructions, ~7% of a cold page view), and a view of a page rendered before reads no git object: its head comes
 * from the index cache, its HTML from the app's render cache.
 */
import type * as NodeZlib from 'node:zlib';

let zlib: typeof NodeZlib | undefined;
/** node:zlib (Node loads a built-in once; later calls are a lookup). */
export const loadZlib = (): typeof NodeZlib => (zlib ??= process.getBuiltinModule('node:zlib'));
