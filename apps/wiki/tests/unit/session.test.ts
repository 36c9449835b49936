import { describe, expect, it } from '@jest/globals';
import { createSessionCookies, deriveSessionKey, SESSION_TTL_SEC } from '../../src/auth/session.js';
import { safeReturnTo } from '../../src/routes/sign-in.js';

const key = deriveSessionKey('unit-session-secret-0123456789-abcdefghijklmno');
const user = { sub: 'user_1', name: 'Ada', email: 'ada@example.com', emailVerified: true };
const requestWith = (setCookie: string) =>
  new Request('https://wiki.example.com/', { headers: { cookie: setCookie.split(';')[0] } });

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax, Path=/, Secure and __Host- prefixed over https', async () => {
    const cookie = await createSessionCookies(key, { secure: true }).sessionCookie(user);
    expect(cookie).toMatch(/^__Host-wiki_session=[\w.-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800; Secure$/);
  });

  it('drop Secure and the prefix on http://localhost', async () => {
    const cookie = await createSessionCookies(key, { secure: false }).sessionCookie(user);
    expect(cookie).toMatch(/^wiki_session=[\w.-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800$/);
  });

  it('round-trip the user and a random CSRF token, encrypted', async () => {
    const cookies = createSessionCookies(key, { secure: true });
    const set = await cookies.sessionCookie(user);
    expect(set).not.toContain('ada@example.com');
    expect(Buffer.from(set.split('.')[0].split('=')[1], 'base64url').toString()).toContain('"enc":"A256GCM"');
    const session = await cookies.readSession(requestWith(set));
    expect(session).toMatchObject({ sub: 'user_1', name: 'Ada', email: 'ada@example.com' });
    expect(session!.csrf).toMatch(/^[\w-]{43}$/);
  });

  it('are refused once expired', async () => {
    let now = Date.now();
    const cookies = createSessionCookies(key, { secure: true }, () => now);
    const set = await cookies.sessionCookie(user);
    now += (SESSION_TTL_SEC + 1) * 1000;
    expect(await cookies.readSession(requestWith(set))).toBeUndefined();
  });

  it('are refused when sealed with another key, or when a sign-in cookie is presented as a session', async () => {
    const other = createSessionCookies(deriveSessionKey('another-session-secret-0123456789-abcdefghijk'), {
      secure: true,
    });
    const mine = createSessionCookies(key, { secure: true });
    expect(await mine.readSession(requestWith(await other.sessionCookie(user)))).toBeUndefined();
    const login = await mine.loginCookie({ state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/' });
    const swapped = login.replace('__Host-wiki_login=', '__Host-wiki_session=');
    expect(await mine.readSession(requestWith(swapped))).toBeUndefined();
  });

  it('need a session secret of at least 32 characters', () => {
    expect(() => deriveSessionKey('short')).toThrow(/at least 32/);
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/Foo/edit', '/Foo/edit'],
    ['//evil.example', '/Home'],
    ['/\\evil.example', '/Home'],
    ['https://evil.example', '/Home'],
    ['javascript:alert(1)', '/Home'],
    ['/a\nb', '/Home'],
    [null, '/Home'],
  ])('keeps %j → %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});
