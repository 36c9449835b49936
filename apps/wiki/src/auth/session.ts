/**
 * @module Sessions in an encrypted cookie (JWE, `dir` + A256GCM) with a key derived from SESSION_SECRET:
 * no server-side store, which suits many short-lived Lambda instances — except the list of sessions signed
 * out before they expire (signed-out.ts), which every read of a session checks. Two kinds share the mechanism
 * and cannot be swapped: the signed-in session and the short-lived sign-in attempt (state, nonce, PKCE
 * verifier). Expiry is inside the encrypted payload, not only in the cookie's Max-Age. jose is imported
 * only when a cookie is actually sealed or opened, so an anonymous page view never loads it.
 */
import type { JWTPayload } from 'jose';
import { parseCookies, serializeCookie, type CookieJarOptions, cookieName } from './cookies.js';
import type { SignedOutSessions } from './signed-out.js';
import { nodeCrypto } from '../node-crypto.js';

/** A signed-in user. */
export interface Session {
  /** Random per session: what sign-out revokes. */
  readonly sid: string;
  readonly sub: string;
  readonly name: string;
  readonly email?: string;
  readonly emailVerified?: boolean;
  /** Random per session; forms carry it back (see csrf.ts). */
  readonly csrf: string;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

/** A sign-in in progress, between `/-/login` and `/-/auth/callback`. */
export interface LoginAttempt {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A local path to return to after signing in. */
  readonly returnTo: string;
}

/** How long a session lasts. */
export const SESSION_TTL_SEC = 8 * 60 * 60;
/** How long a sign-in may take. */
export const LOGIN_TTL_SEC = 10 * 60;

const SESSION = 'wiki_session';
const LOGIN = 'wiki_login';

/** Derives the 256-bit cookie encryption key from the session secret (HKDF-SHA256). */
export function deriveSessionKey(secret: string): Uint8Array {
  if (secret.length < 32) throw new TypeError('SESSION_SECRET must be at least 32 characters');
  return new Uint8Array(nodeCrypto().hkdfSync('sha256', secret, 'wikibot', 'wiki session cookie v1', 32));
}

/** A random URL-safe token with 256 bits of entropy. */
export function randomToken(): string {
  return nodeCrypto().randomBytes(32).toString('base64url');
}

/** Seals and opens the wiki's cookies. */
export interface SessionCookies {
  readSession(request: Request): Promise<Session | undefined>;
  sessionCookie(user: Omit<Session, 'sid' | 'csrf' | 'exp'>): Promise<string>;
  /** Signs the session out everywhere: its cookie, wherever a copy of it is, no longer opens. */
  endSession(session: Session): Promise<void>;
  clearSessionCookie(): string;
  readLogin(request: Request): Promise<LoginAttempt | undefined>;
  loginCookie(attempt: LoginAttempt): Promise<string>;
  clearLoginCookie(): string;
}

/**
 * Creates the cookie sealer for a key; `now` is injectable for expiry tests. Without `signedOut`, sign-out
 * only clears the browser's cookie (unit tests of the cookie format).
 */
export function createSessionCookies(
  key: Uint8Array,
  jar: CookieJarOptions,
  now: () => number = Date.now,
  signedOut?: SignedOutSessions,
): SessionCookies {
  const seal = async (typ: string, payload: JWTPayload, ttl: number): Promise<string> => {
    const { EncryptJWT } = await import('jose');
    const iat = Math.floor(now() / 1000);
    return new EncryptJWT({ ...payload, typ })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .encrypt(key);
  };
  const open = async (request: Request, name: string, typ: string): Promise<JWTPayload | undefined> => {
    const value = parseCookies(request.headers.get('cookie')).get(cookieName(name, jar));
    if (!value) return undefined;
    const { jwtDecrypt } = await import('jose');
    try {
      const { payload } = await jwtDecrypt(value, key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        currentDate: new Date(now()),
      });
      return payload.typ === typ ? payload : undefined;
    } catch {
      return undefined; // tampered, expired or sealed with another key: simply not signed in
    }
  };
  return {
    async readSession(request) {
      const p = await open(request, SESSION, 'session');
      // A cookie without a session id (sealed before sign-out could revoke) cannot be revoked: not accepted.
      if (
        !p ||
        typeof p.sid !== 'string' ||
        typeof p.sub !== 'string' ||
        typeof p.csrf !== 'string' ||
        typeof p.exp !== 'number'
      )
        return undefined;
      if (await signedOut?.has(p.sid)) return undefined;
      return {
        sid: p.sid,
        sub: p.sub,
        name: typeof p.name === 'string' ? p.name : p.sub,
        email: typeof p.email === 'string' ? p.email : undefined,
        emailVerified: typeof p.email_verified === 'boolean' ? p.email_verified : undefined,
        csrf: p.csrf,
        exp: p.exp,
      };
    },
    async sessionCookie(user) {
      const payload = {
        sid: randomToken(),
        sub: user.sub,
        name: user.name,
        email: user.email,
        email_verified: user.emailVerified,
        csrf: randomToken(),
      };
      return serializeCookie(SESSION, await seal('session', payload, SESSION_TTL_SEC), SESSION_TTL_SEC, jar);
    },
    clearSessionCookie: () => serializeCookie(SESSION, '', 0, jar),
    endSession: async (session) => signedOut?.add(session.sid),
    async readLogin(request) {
      const p = await open(request, LOGIN, 'login');
      if (
        !p ||
        typeof p.state !== 'string' ||
        typeof p.nonce !== 'string' ||
        typeof p.cv !== 'string' ||
        typeof p.rt !== 'string'
      ) {
        return undefined;
      }
      return { state: p.state, nonce: p.nonce, codeVerifier: p.cv, returnTo: p.rt };
    },
    async loginCookie(attempt) {
      const payload = { state: attempt.state, nonce: attempt.nonce, cv: attempt.codeVerifier, rt: attempt.returnTo };
      return serializeCookie(LOGIN, await seal('login', payload, LOGIN_TTL_SEC), LOGIN_TTL_SEC, jar);
    },
    clearLoginCookie: () => serializeCookie(LOGIN, '', 0, jar),
  };
}
