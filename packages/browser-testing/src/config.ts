/**
 * @module The one setting of the browser tools: where Chromium is.
 */

/** The Chromium binary: Debian's, unless `CHROMIUM_PATH` says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
