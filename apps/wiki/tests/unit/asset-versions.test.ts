/**
 * The static assets' versions are computed when the assets change (`pnpm run asset-versions`), not at every cold
 * start: this fails while `src/static/asset-versions.ts` is stale, so a changed asset never keeps its old URL (and
 * browsers their year-long cached copy).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ASSET_VERSIONS } from '../../src/static/asset-versions.js';
import { assetVersions, assetVersionsModule, fingerprint } from '../../src/static/fingerprint.js';
import { WIKI_CSS_URL } from '../../src/static/asset-urls.js';
import { WIKI_CSS } from '../../src/static/wiki-css.js';

describe('the static assets’ versions', () => {
  it('are the CRC-32 of each asset’s text as it is now (else: pnpm run asset-versions)', () => {
    expect(ASSET_VERSIONS).toEqual(assetVersions());
    const file = readFileSync(join(import.meta.dirname, '../../src/static/asset-versions.ts'), 'utf8');
    expect(file).toBe(assetVersionsModule());
  });

  it('are what pages link the assets by, and change with the text', () => {
    expect(WIKI_CSS_URL).toBe(`/-/static/wiki.css?v=${fingerprint(WIKI_CSS)}`);
    expect(fingerprint(`${WIKI_CSS} `)).not.toBe(fingerprint(WIKI_CSS));
    expect(fingerprint('wiki')).toBe('22cddc06');
  });
});
