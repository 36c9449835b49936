import { describe, expect, it } from '@jest/globals';
import { PlainHeaders } from '../../src/plain-headers.js';

/** A small seeded generator, so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Content-Type',
  'content-type',
  'X-Trace',
  'x-trace',
  'set-cookie',
  'Set-Cookie',
  'cookie',
  'a',
  "!#$%&'*+-.^_`|~09az",
  'accept',
  // invalid: empty, separators, whitespace, controls, non-ASCII, non-Latin-1
  '',
  'bad name',
  'x:y',
  '(x)',
  'a\r\nb',
  'a\0',
  ' lead',
  'é',
  'ā',
];
const VALUES = [
  'v',
  'text/html; charset=utf-8',
  '  padded\t',
  '\r\nedges\r\n',
  '\n',
  ' ',
  '',
  'a\r\nInjected: yes',
  'a\nb',
  'a\rb',
  'a\0b',
  '\0',
  'x, y',
  'id=1; Path=/; HttpOnly',
  '\tin\ttab\t',
  'mid  space',
  '\u000b',
  'é',
  'ā',
  '👋',
];

type Outcome = { value: unknown } | { error: string };

/** What an action gives, or the name of the error class it throws (Node's errors come from another realm). */
type AnyHeaders = Headers | PlainHeaders;

function outcome(act: () => unknown): Outcome {
  try {
    return { value: act() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

/** Every way to read a Headers, as plain data. */
function snapshot(headers: AnyHeaders): unknown {
  const viaForEach: [string, string][] = [];
  headers.forEach((value, name) => viaForEach.push([name, value]));
  return {
    entries: [...headers.entries()],
    iterated: [...headers],
    keys: [...headers.keys()],
    values: [...headers.values()],
    viaForEach,
    setCookie: headers.getSetCookie(),
  };
}

type Operation = [string, (headers: AnyHeaders) => unknown];

function operation(next: () => number): Operation {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const name = pick(NAMES);
  const value = pick(VALUES);
  const label = (op: string) => `${op}(${JSON.stringify(name)}, ${JSON.stringify(value)})`;
  switch (pick(['set', 'append', 'append', 'delete', 'get', 'has', 'getSetCookie', 'read', 'iterate-while-changing'])) {
    case 'set':
      return [label('set'), (h) => h.set(name, value)];
    case 'append':
      return [label('append'), (h) => h.append(name, value)];
    case 'delete':
      return [`delete(${JSON.stringify(name)})`, (h) => h.delete(name)];
    case 'get':
      return [`get(${JSON.stringify(name)})`, (h) => h.get(name)];
    case 'has':
      return [`has(${JSON.stringify(name)})`, (h) => h.has(name)];
    case 'getSetCookie':
      return ['getSetCookie()', (h) => h.getSetCookie()];
    case 'read':
      return ['snapshot', snapshot];
    default:
      return [
        label('iterate-while-changing'),
        (h) => {
          const seen: unknown[] = [];
          const iterator = h.entries();
          seen.push(iterator.next().value);
          seen.push(outcome(() => h.append(name, value)));
          for (let step = iterator.next(); !step.done; step = iterator.next()) seen.push(step.value);
          return seen;
        },
      ];
  }
}

describe('PlainHeaders against Node’s Headers', () => {
  it.each(Array.from({ length: 400 }, (_, seed) => [seed]))(
    'gives every result and refuses with the same error class along a generated sequence (seed %i)',
    (seed) => {
      // Prepare
      const next = random(seed);
      const plain = new PlainHeaders();
      const platform = new Headers();
      // Act + Assess: each step, then the whole state
      for (let step = 0; step < 25; step++) {
        const [label, act] = operation(next);
        expect({ label, outcome: outcome(() => act(plain)) }).toEqual({ label, outcome: outcome(() => act(platform)) });
      }
      expect(snapshot(plain)).toEqual(snapshot(platform));
    },
  );

  it.each([
    ['a record', { 'Content-Type': ' text/plain ', 'X-A': 'b', 'Set-Cookie': 'a=1' }],
    ['a record with an array value', { accept: ['a', 'b'] }],
    ['a record with a bad name', { 'bad name': 'x' }],
    ['a record with CR LF in a value', { 'x-a': 'a\r\nb: c' }],
    ['a record with a non-Latin-1 value', { 'x-a': 'ā' }],
    [
      'pairs',
      [
        ['set-cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
        ['x', ' y '],
        ['X', 'z'],
      ],
    ],
    ['pairs with one of three items', [['a', 'b', 'c']]],
    ['pairs with one of one item', [['a']]],
    ['pairs with one that is not a sequence', ['ab']],
    ['pairs with a NUL value', [['a', 'b\0']]],
    ['null', null],
    ['a number', 42],
    ['a string', 'a: b'],
    ['nothing', undefined],
  ])('is built from %s as Node builds it', (_name, init) => {
    // Act
    const plain = outcome(() => snapshot(new PlainHeaders(init as never)));
    const platform = outcome(() => snapshot(new Headers(init as never)));
    // Assess
    expect(plain).toEqual(platform);
  });

  it('is built from another Headers, Node’s or plain, with every set-cookie kept apart', () => {
    // Prepare
    const source = new Headers([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['accept', 'x'],
      ['accept', 'y'],
    ]);
    // Act
    const fromPlatform = new PlainHeaders(source);
    const fromPlain = new PlainHeaders(fromPlatform);
    const platformFromPlain = new Headers(fromPlain);
    // Assess
    expect(snapshot(fromPlatform)).toEqual(snapshot(new Headers(source)));
    expect(snapshot(fromPlain)).toEqual(snapshot(new Headers(source)));
    expect(snapshot(platformFromPlain)).toEqual(snapshot(new Headers(source)));
  });

  it('refuses a forEach callback that is not a function, and calls it with the given this', () => {
    // Prepare
    const plain = new PlainHeaders({ a: '1' });
    const thisArg = { calls: 0 };
    // Act
    plain.forEach(function (this: typeof thisArg) {
      this.calls++;
    }, thisArg);
    // Assess
    expect(thisArg.calls).toBe(1);
    expect(outcome(() => plain.forEach('x' as never))).toEqual({ error: 'TypeError' });
    expect(outcome(() => new Headers().forEach('x' as never))).toEqual({ error: 'TypeError' });
  });
});
