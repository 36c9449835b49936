/**
 * @module A browser-less user agent for the authorization endpoint: follows redirects, keeps cookies, and
 * submits the sign-in and consent forms it meets (plain HTML forms, as the stand-in AuthKit serves them)
 * until the authorization server redirects to the client with a code.
 */

/** Who signs in when the stand-in shows its sign-in form. */
export interface SignInIdentity {
  readonly email: string;
  readonly name: string;
}

interface Step {
  url: URL;
  method: 'GET' | 'POST';
  body?: URLSearchParams;
}

const MAX_STEPS = 20;

/** Follows `authorizationUrl` to `redirectUri` and returns the authorization code. */
export async function followAuthorization(
  authorizationUrl: URL,
  redirectUri: string,
  identity: SignInIdentity,
): Promise<string> {
  const cookies = new Map<string, string>();
  let step: Step = { url: authorizationUrl, method: 'GET' };
  for (let i = 0; i < MAX_STEPS; i++) {
    if (step.url.href.startsWith(redirectUri)) {
      const code = step.url.searchParams.get('code');
      if (code) return code;
      throw new Error(
        `authorization refused: ${step.url.searchParams.get('error')} ${step.url.searchParams.get('error_description') ?? ''}`,
      );
    }
    const response = await fetch(step.url, {
      method: step.method,
      redirect: 'manual',
      headers: {
        ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(step.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: step.body,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      step = { url: new URL(location, step.url), method: 'GET' };
      continue;
    }
    const html = await response.text();
    const form = parseFirstForm(html);
    if (!form) throw new Error(`authorization stuck at ${response.status} ${step.url.pathname}: ${html.slice(0, 300)}`);
    step = {
      url: new URL(form.action || step.url.href, step.url),
      method: form.method,
      body: fillForm(form.fields, identity),
    };
  }
  throw new Error(`authorization did not reach ${redirectUri} within ${MAX_STEPS} steps`);
}

interface ParsedForm {
  action: string;
  method: 'GET' | 'POST';
  fields: [string, string, string][]; // name, value, type
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function parseFirstForm(html: string): ParsedForm | undefined {
  const match = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!match) return undefined;
  const attrs = attributes(match[1]);
  const fields: [string, string, string][] = [];
  for (const tag of match[2].matchAll(/<(input|button)\b([^>]*)>/gi)) {
    const a = attributes(tag[2]);
    const type = (a.type ?? (tag[1].toLowerCase() === 'button' ? 'submit' : 'text')).toLowerCase();
    if (a.name && (type !== 'submit' || tag[1].toLowerCase() === 'button' || a.value))
      fields.push([a.name, a.value ?? '', type]);
  }
  return {
    action: attrs.action ?? '',
    method: (attrs.method ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
    fields,
  };
}

function fillForm(fields: [string, string, string][], identity: SignInIdentity): URLSearchParams {
  const body = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, value, type] of fields) {
    if (seen.has(name) && type === 'submit') continue; // the first submit button is the one a user presses
    seen.add(name);
    let filled = value;
    if (!value && (type === 'email' || /email|login|username/i.test(name))) filled = identity.email;
    else if (!value && /name/i.test(name)) filled = identity.name;
    else if (!value && type === 'password') filled = 'bench-password';
    body.append(name, filled);
  }
  return body;
}
