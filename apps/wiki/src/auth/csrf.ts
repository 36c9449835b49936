/**
 * @module CSRF protection for every form post. Two independent checks: the browser-set `Origin` (or
 * `Sec-Fetch-Site`) must say the request comes from this wiki, and the form must carry the session's
 * CSRF token, which lives only inside the encrypted session cookie and the pages we render for it.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
import { HttpError } from '../http/http-error.js';
import { nodeCrypto } from '../node-crypto.js';
import type { Session } from './session.js';

/** Refuses a cross-site request before its body is read. */
export function checkOrigin(request: Request, origin: string): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(403, 'csrf', 'This form was sent from another site, so it was refused.');
  }
  const sent = request.headers.get('origin');
  if (sent !== null && sent !== origin) {
    throw new HttpError(403, 'csrf', 'This form was sent from another site, so it was refused.');
  }
}

const digest = (value: string): Buffer => nodeCrypto().createHash('sha256').update(value, 'utf8').digest();

/** Refuses a form whose token is missing or is not this session's. */
export function checkCsrfToken(form: URLSearchParams, session: Session): void {
  const token = form.get('csrf') ?? '';
  if (!token || !nodeCrypto().timingSafeEqual(digest(token), digest(session.csrf))) {
    throw new HttpError(
      403,
      'csrf',
      'This form has expired or was not sent from this wiki. Reload the page and try again.',
    );
  }
}
