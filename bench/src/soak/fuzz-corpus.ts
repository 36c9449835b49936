/**
 * @module The hostile-input corpus: seeded generators of requests, by category, against the running
 * local system. Each case says what a correct answer is: `reject` (a 4xx, or a JSON-RPC / tool error),
 * `unauthorized` (exactly 401) or `no-5xx` (anything but a server error; for random requests where a
 * 200 can be right).
 */
import { seededRandom } from '../repo-fixture.js';
import { mcpHeaders, rpcBody } from '../mcp-rpc.js';

/** What a correct answer to a case is. */
export type Expectation = 'reject' | 'unauthorized' | 'no-5xx';

/** One hostile request. */
export interface FuzzCase {
  readonly category: string;
  readonly method: string;
  /** Raw request target (path and query), sent as is. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  readonly expect: Expectation;
}

/** What the corpus is built from. */
export interface CorpusContext {
  readonly token: string;
  /** Forged `Authorization` values by name (forged-tokens.ts). */
  readonly forged: Record<string, string>;
  /** Host header of the gateway. */
  readonly host: string;
}

/** Categories and their share of the cases. */
export const CATEGORIES = {
  'malformed JSON-RPC': 20,
  'truncated body': 12,
  'oversized body': 1,
  'invalid UTF-8': 10,
  'hostile page path': 20,
  'forged or malformed token': 15,
  'random method/path/headers': 22,
} as const;
export type Category = keyof typeof CATEGORIES;

/** Paths the wiki must refuse: traversal, absolute, .git in any case, control characters, empty, over-long. */
const REFUSED_PATHS = [
  '../etc/passwd',
  '../../fuzz-escape',
  '/etc/passwd',
  '/abs/page',
  '.git/config',
  '.git/HEAD',
  'foo/../../fuzz-escape',
  'foo/.git/hooks/post-commit',
  '.GIT/config',
  'foo/.Git/x',
  'a\u0000b',
  'tab\there',
  'new\nline',
  'esc\u001b[31m',
  '',
  '.',
  '..',
  'x'.repeat(5000),
  `${'deep/'.repeat(300)}x`,
  // A name still ending in .md after one suffix is dropped (it once overwrote page Home).
  'Home.md.md',
  'home.MD.md.md',
  'x.md/y',
];

/** Odd but possibly legal paths: the wiki may normalise or accept them, but must stay inside the repository. */
const ODD_PATHS = [
  ' ',
  '...',
  'a/./b',
  'a//b',
  '%2e%2e/x',
  'CON',
  'nul',
  'C:\\Windows\\system32',
  '\\\\server\\share',
  'page?.md',
  'page#frag',
  '.gitmodules',
  '.wikibot/lock',
  '~/.ssh/id_rsa',
  'file:///etc/passwd',
  '<script>alert(1)</script>',
  '\u202Eevil',
  '\uD800',
  '\uFFFF',
  'page.md/..',
  'home.md',
  // Names the wiki's routes would shadow (refused on create), and an NFD spelling of an NFC name.
  'x/edit',
  'api/v1/pages',
  '-/search',
  'Home/revision/abc1234',
  'mcp',
  'Cafe\u0301',
  'Foo / Bar',
];

const TOOLS_WITH_PATH = [
  'read_note',
  'write_note',
  'edit_note',
  'delete_note',
  'get_history',
  'get_links',
  'rename_note',
];

const JUNK_JSON = [
  '',
  '{',
  '}',
  '[',
  ']',
  'null',
  'true',
  '123',
  '"str"',
  '{"jsonrpc":"2.0"}',
  '{"jsonrpc":"1.0","id":1,"method":"tools/list"}',
  '{"jsonrpc":"2.0","id":1}',
  '{"jsonrpc":"2.0","id":1,"method":42}',
  '{"jsonrpc":"2.0","id":{},"method":"tools/list"}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":[]}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"nope"}}',
  '{"jsonrpc":"2.0","id":1,"method":"no/such/method"}',
  '[]',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_note","arguments":{"path":123}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"write_note","arguments":{"path":"x","content":{}}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"edit_note","arguments":{"path":"Home"}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"__proto__","arguments":{}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"read_note","arguments":{"__proto__":{"path":"Home"}}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_notes","arguments":{"updated_since":"not a date"}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_recent_changes","arguments":{"limit":"many"}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_notes","arguments":{}}}',
  '\u0000\u0001\u0002',
  '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
];

function randomString(
  random: () => number,
  length: number,
  alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 -_/.%',
): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Percent-encodes every byte outside RFC 3986's unreserved set (lone surrogates become U+FFFD's bytes). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text)]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

function mcpCase(
  category: Category,
  ctx: CorpusContext,
  body: Buffer | string,
  expect: Expectation = 'reject',
  authorization?: string,
): FuzzCase {
  const headers: Record<string, string> = { ...mcpHeaders(ctx.token), host: ctx.host };
  if (authorization !== undefined) headers.authorization = authorization;
  return {
    category,
    method: 'POST',
    path: '/mcp',
    headers,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    expect,
  };
}

function toolCall(name: string, args: Record<string, unknown>, id: number): string {
  return rpcBody('tools/call', { name, arguments: args }, id);
}

function generate(category: Category, random: () => number, ctx: CorpusContext, i: number): FuzzCase {
  switch (category) {
    case 'malformed JSON-RPC': {
      const body =
        random() < 0.7
          ? pick(random, JUNK_JSON)
          : randomString(random, 1 + Math.floor(random() * 200), '{}[]":,0123456789abcnulltrue \\');
      return mcpCase(category, ctx, body);
    }
    case 'truncated body': {
      const full = pick(random, [
        toolCall('write_note', { path: `Fuzz/T ${i}`, content: `# t\n\n${randomString(random, 200)}` }, i),
        toolCall('read_note', { path: 'Home' }, i),
        toolCall('edit_note', { path: 'Home', revision: '0000000', old_string: 'Home', new_string: 'Away' }, i),
      ]);
      return mcpCase(category, ctx, full.slice(0, Math.floor(random() * (full.length - 1))));
    }
    case 'oversized body': {
      const kind = i % 3;
      if (kind === 0)
        return mcpCase(category, ctx, toolCall('write_note', { path: 'Fuzz/Huge', content: 'x'.repeat(1_100_000) }, i));
      const size = kind === 1 ? 7 * 2 ** 20 : 11 * 2 ** 20; // over Lambda's 6 MB invoke limit; over API Gateway's 10 MB
      return mcpCase(category, ctx, Buffer.alloc(size, 0x61));
    }
    case 'invalid UTF-8': {
      const bad = Buffer.from([
        0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xed, 0xa0, 0x80,
      ]);
      const at = Math.floor(random() * bad.length);
      const slice = bad.subarray(at, at + 1 + Math.floor(random() * 4));
      // A slice can be valid on its own (0x28 is "("): then it would not test invalid UTF-8 at all.
      const junk = isValidUtf8(slice) ? Buffer.concat([Buffer.from([0xff]), slice]) : slice;
      if (i % 2 === 0) {
        const [before, middle, after] = toolCall(
          'write_note',
          { path: 'Fuzz/Utf8 XX', content: '# bad XX bytes' },
          i,
        ).split('XX');
        return mcpCase(
          category,
          ctx,
          Buffer.concat([Buffer.from(before), junk, Buffer.from(middle), junk, Buffer.from(after)]),
        );
      }
      const encoded = [...junk].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
      return {
        category,
        method: pick(random, ['GET', 'GET', 'POST']),
        path: pick(random, [`/${encoded}`, `/api/v1/pages/${encoded}`, `/-/search?q=${encoded}`, `/Home?x=${encoded}`]),
        headers: { host: ctx.host },
        expect: 'no-5xx',
      };
    }
    case 'hostile page path': {
      const refused = random() < 0.6;
      const hostile = pick(random, refused ? REFUSED_PATHS : ODD_PATHS);
      if (i % 3 === 2) {
        const encoded = hostile.split('/').map(percentEncode).join('/');
        return {
          category,
          method: 'GET',
          path: pick(random, [
            `/${encoded}`,
            `/api/v1/pages/${encoded}`,
            `/${encoded}/history`,
            `/${hostile.replace(/[^\x21-\x7e]/g, '_')}`,
          ]),
          headers: { host: ctx.host },
          expect: 'no-5xx',
        };
      }
      const tool = pick(random, TOOLS_WITH_PATH);
      // Only the arguments the tool takes: tools refuse unknown arguments before looking at the path.
      const extra: Record<string, Record<string, unknown>> = {
        write_note: { content: '# escaped\n' },
        edit_note: { revision: '0000000', old_string: 'a', new_string: 'b' },
        rename_note: { new_path: hostile },
      };
      const args: Record<string, unknown> = { path: tool === 'rename_note' ? 'Home' : hostile, ...extra[tool] };
      return mcpCase(category, ctx, toolCall(tool, args, i), refused ? 'reject' : 'no-5xx');
    }
    case 'forged or malformed token': {
      const names = Object.keys(ctx.forged);
      const name = names[i % names.length];
      if (i % (names.length + 1) === names.length) {
        // A real token in the query string instead of the header is refused (400 invalid_request or 401).
        const c = mcpCase(category, ctx, rpcBody('tools/list', {}, i), 'reject', '');
        const headers = { ...c.headers };
        delete headers.authorization;
        return { ...c, path: `/mcp?access_token=${encodeURIComponent(ctx.token)}`, headers };
      }
      return mcpCase(category, ctx, rpcBody('tools/list', {}, i), 'unauthorized', ctx.forged[name]);
    }
    case 'random method/path/headers': {
      const method = pick(random, ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO']);
      const prefix = pick(random, [
        '/',
        '/mcp',
        '/mcp/',
        '/mcp/x',
        '/.well-known/',
        '/.well-known/oauth-protected-resource',
        '/.well-known/oauth-protected-resource/mcp',
        '/.well-known/openid-configuration',
        '/api/v1/',
        '/api/v1/pages/',
        '/api/v1/links/',
        '/-/',
        '/-/search',
        '/-/changelog',
        '/-/index',
        '/Home/',
        '/Home/edit',
        '/Home/save',
        '/-/auth/callback',
      ]);
      const path =
        prefix + (random() < 0.5 ? randomString(random, Math.floor(random() * 40)).replace(/ /g, '%20') : '');
      const headers: Record<string, string> = {
        host: random() < 0.9 ? ctx.host : randomString(random, 12, 'abc.:0123'),
      };
      for (let h = 0; h < Math.floor(random() * 4); h++) {
        const name = pick(random, [
          'content-type',
          'accept',
          'cookie',
          'origin',
          'x-forwarded-for',
          'mcp-session-id',
          'mcp-protocol-version',
          'authorization',
          'content-encoding',
          'x-random',
        ]);
        headers[name] = randomString(
          random,
          Math.floor(random() * 120),
          'abcdefghijklmnopqrstuvwxyz0123456789=;,/+ *"',
        );
      }
      const body = ['POST', 'PUT', 'PATCH'].includes(method)
        ? Buffer.from(randomString(random, Math.floor(random() * 300), '{}[]":,abc=&'))
        : undefined;
      return { category, method, path, headers, body, expect: 'no-5xx' };
    }
  }
}

/** `count` cases, spread over the categories by their share, in a seeded order. */
export function* fuzzCorpus(count: number, ctx: CorpusContext, seed = 1): Generator<FuzzCase> {
  const random = seededRandom(seed);
  const categories = Object.keys(CATEGORIES) as Category[];
  const total = Object.values(CATEGORIES).reduce((a: number, b: number) => a + b, 0);
  // Oversized bodies are megabytes each: a dozen make the point. Rounding and that cap leave a difference
  // to `count`, spread over the other categories so the quotas add up exactly (and the loop below ends).
  const quota = categories.map((c) =>
    Math.max(1, Math.min(c === 'oversized body' ? 12 : count, Math.round((CATEGORIES[c] / total) * count))),
  );
  let difference = count - quota.reduce((a, b) => a + b, 0);
  for (let k = 0; difference !== 0; k = (k + 1) % categories.length) {
    const step = Math.sign(difference);
    if ((categories[k] === 'oversized body' && step > 0) || quota[k] + step < 0) continue;
    quota[k] += step;
    difference -= step;
  }
  let made = 0;
  for (let round = 0; made < count; round++) {
    for (const [k, category] of categories.entries()) {
      if (round < quota[k] && made < count) {
        made++;
        yield generate(category, random, ctx, round);
      }
    }
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
