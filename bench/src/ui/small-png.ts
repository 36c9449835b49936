/**
 * @module Screenshots small enough to commit: Chromium's PNG re-encoded with a palette. A UI of flat colours
 * and anti-aliased text keeps its look at 64 colours and shrinks to about a third.
 */
import UPNG from 'upng-js';

/** Colours in the palette. */
const COLOURS = 64;

/** `png` re-encoded with at most {@link COLOURS} colours. */
export function smallPng(png: Buffer): Buffer {
  const image = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.length) as ArrayBuffer);
  return Buffer.from(UPNG.encode(UPNG.toRGBA8(image), image.width, image.height, COLOURS));
}
