/**
 * Writes src/static/asset-versions.ts: the static assets' fingerprints, computed from their texts (run after
 * changing an asset; `tests/unit/asset-versions.test.ts` fails until then). usage: pnpm run asset-versions
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetVersionsModule } from '../src/static/fingerprint.js';

writeFileSync(join(import.meta.dirname, '../src/static/asset-versions.ts'), assetVersionsModule());
