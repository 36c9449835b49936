/**
 * @module Every tool, in otterwiki-mcp's order.
 */
import { deleteAttachment, downloadAttachment, listAttachments, uploadAttachment } from './attachments.js';
import type { ToolDefinition } from './define.js';
import { deleteNote } from './delete-note.js';
import { editNote } from './edit-note.js';
import { findOrphanedNotes } from './find-orphaned-notes.js';
import { getHistory } from './get-history.js';
import { getLinks } from './get-links.js';
import { getRecentChanges } from './get-recent-changes.js';
import { listNotes } from './list-notes.js';
import { readNote } from './read-note.js';
import { renameNote } from './rename-note.js';
import { searchNotes } from './search-notes.js';
import { semanticSearch } from './semantic-search.js';
import { writeNote } from './write-note.js';

/** All tool definitions. */
export const TOOLS: readonly ToolDefinition[] = [
  readNote,
  writeNote,
  editNote,
  listNotes,
  searchNotes,
  semanticSearch,
  getLinks,
  getRecentChanges,
  getHistory,
  renameNote,
  deleteNote,
  findOrphanedNotes,
  listAttachments,
  uploadAttachment,
  downloadAttachment,
  deleteAttachment,
] as unknown as readonly ToolDefinition[];
