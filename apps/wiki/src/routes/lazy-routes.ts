/**
 * @module Every route a cold page view does not take, behind one dynamic import (`app.ts` and `pages.ts` import this
 * module on the first request for one of them). One import point keeps the bundle's code splitting from cutting the
 * views and helpers these routes share with the page view into a chunk per combination of importers: with a dynamic
 * import per route, a cold page view read 26 files.
 */
export { handleAttachment } from './attachment.js';
export { handleAttachmentDelete } from './attachment-delete.js';
export { handleAttachments } from './attachments.js';
export { handleBlame } from './blame.js';
export { handleCommit } from './commit.js';
export { handlePageAction } from './page-actions.js';
export { handlePageMove } from './page-moves.js';
export { handleSource } from './page-source.js';
export { handlePreview } from './preview.js';
export { handleRevert } from './revert.js';
export { handleSite } from './site.js';
export { handleAsset } from './static-assets.js';
export { handleTree } from './tree.js';
export { handleUpload } from './upload.js';
