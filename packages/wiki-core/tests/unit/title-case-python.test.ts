/**
 * Otterwiki title-cases names with Python's `str.title()`: compared here with the real thing (python3, as CI
 * installs it for the GitPython interop test) on random strings from many scripts.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { titleCase } from '../../src/index.js';

// Code point ranges whose case data did not change between Python 3.11's Unicode 14 and Node's newer ICU
// (Unicode 15+ gave a few Latin letters such as ʕ, ƛ, ɤ and Georgian modifiers new case pairs; they are left out).
const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x26],
  [0x28, 0x7e],
  [0xa0, 0xde],
  [0xe0, 0x17f],
  [0x180, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x531, 0x587],
  [0x10a0, 0x10fa],
  [0x1e00, 0x1fff],
  [0x2160, 0x2188],
  [0x24b6, 0x24e9],
  [0x3040, 0x30ff],
  [0x4e00, 0x4e80],
  [0xac00, 0xac40],
  [0xfb00, 0xfb17],
  [0x1f600, 0x1f64f],
  [0x1f9a0, 0x1f9af],
];
const char = fc
  .constantFrom(...RANGES)
  .chain(([first, last]) => fc.integer({ min: first, max: last }))
  .map((code) => String.fromCodePoint(code))
  .filter((c) => c !== 'ß' && !/[\u0264\u0295\u019b]/.test(c));
const text = fc.array(char, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));

function pythonTitle(inputs: readonly string[]): string[] {
  const script = 'import json,sys\nprint(json.dumps([s.title() for s in json.load(sys.stdin)]))';
  const output = execFileSync('python3', ['-c', script], { input: JSON.stringify(inputs), encoding: 'utf8' });
  return JSON.parse(output) as string[];
}

describe('titleCase against Python', () => {
  it("equals Python's str.title() on strings without ß or apostrophes (Otterwiki's two exceptions)", () => {
    // Prepare
    const inputs = fc.sample(text, { numRuns: 5000, seed: 42 });
    // Act
    const expected = pythonTitle(inputs);
    // Assess
    const differing = inputs.filter((input, i) => titleCase(input) !== expected[i]);
    expect(differing).toEqual([]);
  });
});
