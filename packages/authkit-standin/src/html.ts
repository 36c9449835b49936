/**
 * @module The stand-in's pages: plain HTML forms, no script, so scripts and tests can fill them in with
 * nothing but fetch.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · AuthKit stand-in</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;padding:.4rem 1rem}.note{color:#666;font-size:.9rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
<p class="note">Local AuthKit stand-in for development. Any email address is accepted.</p>
</body></html>`;
}

/** The sign-in form: email (pre-filled with `email` when given) and name, posted to `action`. */
export function loginPage(action: string, clientName: string, error?: string, email?: string): string {
  return page(
    'Sign in',
    `<p>Sign in to continue to <strong>${escapeHtml(clientName)}</strong>.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required autofocus${email ? ` value="${escapeHtml(email)}"` : ''}>
<label for="name">Name</label><input id="name" name="name" type="text" autocomplete="name">
<button type="submit">Sign in</button>
</form>`,
  );
}

/** The consent form: what the client asks for, with allow and deny buttons. */
export function consentPage(
  action: string,
  abortAction: string,
  details: { clientName: string; email: string; scopes: string[]; resources: string[] },
): string {
  const scopes = details.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  const resources = details.resources.map((r) => `<li><code>${escapeHtml(r)}</code></li>`).join('');
  return page(
    'Authorize access',
    `<p>Signed in as <strong>${escapeHtml(details.email)}</strong>.</p>
<p><strong>${escapeHtml(details.clientName)}</strong> asks for:</p>
<ul>${scopes || '<li>(no additional scopes)</li>'}</ul>
${resources ? `<p>to use:</p><ul>${resources}</ul>` : ''}
<form method="post" action="${escapeHtml(action)}"><button type="submit" name="decision" value="allow">Allow</button></form>
<form method="post" action="${escapeHtml(abortAction)}"><button type="submit" name="decision" value="deny">Deny</button></form>`,
  );
}

/**
 * The sign-out confirmation of RP-initiated logout: oidc-provider's `form` (its id, action and xsrf token)
 * and the two buttons that submit it.
 */
export function logoutPage(form: string): string {
  return page(
    'Sign out',
    `<p>Sign out of the AuthKit stand-in?</p>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

/** The page after signing out when the application named no page to return to. */
export function signedOutPage(): string {
  return page('Signed out', '<p>You are signed out of the AuthKit stand-in.</p>');
}

/** An error page. */
export function errorPage(message: string): string {
  return page('Something went wrong', `<p>${escapeHtml(message)}</p>`);
}
