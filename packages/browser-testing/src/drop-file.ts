/**
 * @module Dropping a file on an element, as dragging one from the desktop does (playwright has no desktop to drag
 * from): a real `File` in a `DataTransfer`, dispatched as a `drop` event the page's own handlers receive.
 */
import type { Page } from 'playwright-core';

/** A file to drop: its name, MIME type and bytes. */
export interface DroppedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** A 1×1 PNG: the smallest image a page can show (its `naturalWidth` is 1 once the browser decoded it). */
export const DOT_PNG: DroppedFile = {
  name: 'dot.png',
  type: 'image/png',
  bytes: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/** Drops `file` on the first element matching `selector`. */
export function dropFile(page: Page, selector: string, file: DroppedFile): Promise<void> {
  // Page code is passed as text: the workspace compiles without the DOM lib.
  return page.evaluate(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(Buffer.from(file.bytes).toString('base64'))}), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], ${JSON.stringify(file.name)}, { type: ${JSON.stringify(file.type)} }));
    const target = document.querySelector(${JSON.stringify(selector)});
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`);
}
