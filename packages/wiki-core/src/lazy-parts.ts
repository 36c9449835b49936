/**
 * @module Everything `wiki-parts.ts` imports on first use, behind one dynamic import: one import point keeps the
 * bundle's code splitting from cutting the modules the read path shares with these parts into a chunk per
 * combination of importers (with one import per part, a cold page view read 13 more files).
 */
export { AttachmentPlans } from './attachment-plans.js';
export { commitDetails } from './commit-details.js';
export { pageBlame, pageDiff } from './history-reads.js';
export { DEFAULT_STALE_LOCK_MS } from './lock.js';
export { PagePlans } from './page-plans.js';
export { createRepository } from './repository-init.js';
export { SearchIndex } from './search-index.js';
export { SemanticIndex } from './semantic-index.js';
export { semanticSearch } from './semantic-search.js';
export { WritePath } from './write-path.js';
