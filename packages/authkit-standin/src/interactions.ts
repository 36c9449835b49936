/**
 * @module The sign-in and consent steps of an authorization request, as plain HTML forms. The
 * interaction's id is in the URL and bound to the provider's interaction cookie, and a form post from
 * another origin is refused, which is enough against cross-site posts on a developer's machine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { mayAutoLogin } from './flow-origin.js';
import { consentPage, errorPage, loginPage } from './html.js';
import type { UserDirectory } from './users.js';

const FORM_LIMIT = 16 * 1024;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** Settings for {@link createInteractionHandler}. */
export interface InteractionSettings {
  provider: Provider;
  users: UserDirectory;
  issuer: string;
  /**
   * Sign in as this email without showing the sign-in page, and grant consent without asking — only for
   * flows started on this machine (see {@link mayAutoLogin}); others get the forms, email filled in.
   */
  autoLoginEmail?: string;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** Handles `/interaction/:uid[/login|/confirm|/abort]`. */
export function createInteractionHandler(settings: InteractionSettings) {
  const { provider, users, autoLoginEmail } = settings;
  const issuerOrigin = new URL(settings.issuer).origin;

  async function finishLogin(req: IncomingMessage, res: ServerResponse, email: string, name?: string): Promise<void> {
    const user = users.upsert(email, name);
    await provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
  }

  async function grantConsent(req: IncomingMessage, res: ServerResponse, details: Details): Promise<void> {
    const { prompt, params, session, grantId } = details;
    if (!session) throw new Error('no session');
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id as string });
    if (!grant) throw new Error('grant not found');
    const missing = prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    const savedId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: grantId ? {} : { grantId: savedId } },
      { mergeWithLastSubmission: true },
    );
  }

  async function clientName(details: Details): Promise<string> {
    const client = await provider.Client.find(details.params.client_id as string);
    return client?.clientName ?? (details.params.client_id as string);
  }

  async function show(req: IncomingMessage, res: ServerResponse, details: Details): Promise<void> {
    const base = `/interaction/${details.uid}`;
    const auto = autoLoginEmail !== undefined && mayAutoLogin(req, details.params.redirect_uri as string | undefined);
    if (details.prompt.name === 'login') {
      if (auto) return finishLogin(req, res, autoLoginEmail);
      return send(res, 200, loginPage(`${base}/login`, await clientName(details), undefined, autoLoginEmail));
    }
    if (details.prompt.name === 'consent') {
      if (auto) return grantConsent(req, res, details);
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      const user = users.get(details.session?.accountId ?? '');
      const scopes = new Set([
        ...(missing.missingOIDCScope ?? []),
        ...Object.values(missing.missingResourceScopes ?? {}).flat(),
      ]);
      return send(
        res,
        200,
        consentPage(`${base}/confirm`, `${base}/abort`, {
          clientName: await clientName(details),
          email: user?.email ?? 'unknown user',
          scopes: [...scopes],
          resources: Object.keys(missing.missingResourceScopes ?? {}),
        }),
      );
    }
    return send(res, 400, errorPage(`Unsupported step "${details.prompt.name}".`));
  }

  return async function handleInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?$/.exec(
      new URL(req.url ?? '/', issuerOrigin).pathname,
    );
    if (!match) return send(res, 404, errorPage('Not found.'));
    const [, uid, action] = match;
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid)
        return send(res, 400, errorPage('This sign-in link does not match your session. Start again.'));
      if (!action) {
        if (req.method !== 'GET') return send(res, 405, errorPage('Method not allowed.'));
        return await show(req, res, details);
      }
      if (req.method !== 'POST') return send(res, 405, errorPage('Method not allowed.'));
      const origin = req.headers.origin;
      if (origin && origin !== issuerOrigin) return send(res, 403, errorPage('Cross-origin form posts are refused.'));
      const form = await readForm(req);
      if (action === 'abort') {
        return await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'End-User aborted interaction' },
          { mergeWithLastSubmission: false },
        );
      }
      if (action === 'login') {
        if (details.prompt.name !== 'login') return send(res, 400, errorPage('Already signed in.'));
        const email = form.get('email')?.trim() ?? '';
        if (!EMAIL.test(email))
          return send(
            res,
            400,
            loginPage(`/interaction/${uid}/login`, await clientName(details), 'Enter an email address.'),
          );
        return await finishLogin(req, res, email, form.get('name') ?? undefined);
      }
      if (details.prompt.name !== 'consent') return send(res, 400, errorPage('Nothing to authorize.'));
      return await grantConsent(req, res, details);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unknown error';
      if (!res.headersSent)
        send(
          res,
          400,
          errorPage(`This sign-in has expired or is invalid (${message}). Start again from the application.`),
        );
    }
  };
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
