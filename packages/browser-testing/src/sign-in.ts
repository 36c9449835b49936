/**
 * @module Signing in to the wiki in a browser as a person does: the wiki's "Sign in" link, then the AuthKit
 * stand-in's sign-in and consent pages.
 */
import type { Page } from 'playwright-core';

/** Where the wiki and its AuthKit (stand-in) answer: a local system's `url` and `issuer`. */
export interface SignInOrigins {
  readonly url: string;
  readonly issuer: string;
}

/** Who signs in at the stand-in's form. */
export interface BrowserUser {
  readonly email: string;
  readonly name: string;
}

/**
 * Opens `start` (the wiki's Home page unless given), follows "Sign in", fills the stand-in's form, allows
 * the wiki, and waits to be back on the wiki.
 */
export async function signInWithBrowser(
  page: Page,
  system: SignInOrigins,
  user: BrowserUser,
  start = `${system.url}/Home`,
): Promise<void> {
  await page.goto(start);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === system.issuer);
  await page.fill('#email', user.email);
  await page.fill('#name', user.name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.origin === system.url);
}
