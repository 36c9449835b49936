/**
 * @module Otterwiki's title casing of page names (`test-page` → `Test-Page`): Python's `str.title()`, except
 * that `ß` stays `ß` and an apostrophe does not start a new word (`don't` → `Don't`).
 */

// Python's title() uses Unicode's titlecase mapping; JavaScript only has toUpperCase(). They differ for these
// code points (Unicode data: digraphs, Georgian, Greek with ypogegrammeni, ligatures): [first, last, offset].
const TITLE_OFFSETS: readonly (readonly [number, number, number])[] = [
  [0x01c4, 0x01c4, 1],
  [0x01c5, 0x01c5, 0],
  [0x01c6, 0x01c6, -1],
  [0x01c7, 0x01c7, 1],
  [0x01c8, 0x01c8, 0],
  [0x01c9, 0x01c9, -1],
  [0x01ca, 0x01ca, 1],
  [0x01cb, 0x01cb, 0],
  [0x01cc, 0x01cc, -1],
  [0x01f1, 0x01f1, 1],
  [0x01f2, 0x01f2, 0],
  [0x01f3, 0x01f3, -1],
  [0x10d0, 0x10fa, 0],
  [0x10fd, 0x10ff, 0],
  [0x1f80, 0x1f87, 8],
  [0x1f88, 0x1f8f, 0],
  [0x1f90, 0x1f97, 8],
  [0x1f98, 0x1f9f, 0],
  [0x1fa0, 0x1fa7, 8],
  [0x1fa8, 0x1faf, 0],
  [0x1fb3, 0x1fb3, 9],
  [0x1fbc, 0x1fbc, 0],
  [0x1fc3, 0x1fc3, 9],
  [0x1fcc, 0x1fcc, 0],
  [0x1ff3, 0x1ff3, 9],
  [0x1ffc, 0x1ffc, 0],
];
// ...and these title-case to several code points, unlike their upper case.
const TITLE_SEQUENCES = new Map<string, string>([
  ['\u0587', '\u0535\u0582'],
  ['\u1fb2', '\u1fba\u0345'],
  ['\u1fb4', '\u0386\u0345'],
  ['\u1fb7', '\u0391\u0342\u0345'],
  ['\u1fc2', '\u1fca\u0345'],
  ['\u1fc4', '\u0389\u0345'],
  ['\u1fc7', '\u0397\u0342\u0345'],
  ['\u1ff2', '\u1ffa\u0345'],
  ['\u1ff4', '\u038f\u0345'],
  ['\u1ff7', '\u03a9\u0342\u0345'],
  ['\ufb00', 'Ff'],
  ['\ufb01', 'Fi'],
  ['\ufb02', 'Fl'],
  ['\ufb03', 'Ffi'],
  ['\ufb04', 'Ffl'],
  ['\ufb05', 'St'],
  ['\ufb06', 'St'],
  ['\ufb13', '\u0544\u0576'],
  ['\ufb14', '\u0544\u0565'],
  ['\ufb15', '\u0544\u056b'],
  ['\ufb16', '\u054e\u0576'],
  ['\ufb17', '\u0544\u056d'],
]);

// Unicode's Cased and Case_Ignorable, made on the first name that is not ASCII: constructing the property classes
// builds ICU sets (~0.6 M instructions), at every cold start that shows only ASCII names otherwise.
let unicodeClasses: { readonly cased: RegExp; readonly caseIgnorable: RegExp } | undefined;
const classes = (): { readonly cased: RegExp; readonly caseIgnorable: RegExp } =>
  (unicodeClasses ??= { cased: /\p{Cased}/u, caseIgnorable: /\p{Case_Ignorable}/u });
const ASCII = /^[\x00-\x7f]*$/;
// A word: letters and apostrophes (Otterwiki's apostrophe counts as a letter, so it neither ends nor starts a word).
const ASCII_WORD = /[A-Za-z']+/g;
/** Otterwiki keeps these as they are and lets the word go on after them. */
const KEPT_IN_WORD = new Set(['ß', "'"]);

/**
 * Title-cases `text` as Otterwiki shows page names: the first cased letter after an uncased character gets its
 * titlecase form, every following cased letter its lower case.
 * @example titleCase("the otter's guide") // "The Otter's Guide"
 * @example titleCase('straße 1st') // 'Straße 1St'
 */
export function titleCase(text: string): string {
  // Most names are ASCII: Python's rule there is plain A-Z/a-z casing, without the Unicode tables below.
  if (ASCII.test(text)) return text.replace(ASCII_WORD, (word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase());
  const chars = [...text];
  let out = '';
  let previousCased = false;
  chars.forEach((char, i) => {
    const code = char.charCodeAt(0);
    if (code < 0x80 && code !== 0x27) {
      out += previousCased ? char.toLowerCase() : char.toUpperCase();
      previousCased = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
      return;
    }
    if (KEPT_IN_WORD.has(char)) {
      out += char;
      previousCased = true;
      return;
    }
    out += previousCased ? lowerCaseAt(chars, i) : titleCaseOf(char);
    previousCased = classes().cased.test(char);
  });
  return out;
}

function titleCaseOf(char: string): string {
  const sequence = TITLE_SEQUENCES.get(char);
  if (sequence !== undefined) return sequence;
  const code = char.codePointAt(0)!;
  for (const [first, last, offset] of TITLE_OFFSETS) {
    if (code >= first && code <= last) return String.fromCodePoint(code + offset);
  }
  return char.toUpperCase();
}

/**
 * Lower case of one character; a capital sigma ending a word becomes final sigma, as in Python's `lower()`.
 * Otterwiki's apostrophe counts as a letter there too (it title-cases with a letter placeholder in its place).
 */
function lowerCaseAt(chars: readonly string[], i: number): string {
  if (chars[i] !== '\u03a3') return chars[i]!.toLowerCase();
  const { cased: casedClass, caseIgnorable } = classes();
  const cased = (char: string): boolean => char === "'" || casedClass.test(char);
  const ignorable = (char: string): boolean => char !== "'" && caseIgnorable.test(char);
  let before = i - 1;
  while (before >= 0 && ignorable(chars[before]!)) before--;
  let after = i + 1;
  while (after < chars.length && ignorable(chars[after]!)) after++;
  const final = before >= 0 && cased(chars[before]!) && !(after < chars.length && cased(chars[after]!));
  return final ? '\u03c2' : '\u03c3';
}
