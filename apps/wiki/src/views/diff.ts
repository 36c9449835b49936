/**
 * @module A unified diff between two revisions of a page, coloured line by line (no script).
 */
import { html, type SafeHtml } from './html.js';
import { pageHref } from './urls.js';
import { layout, type Viewer } from './layout.js';

/** A unified diff as a `<pre>` with one span per line; `null` when it is too large to show (wiki-core's limits). */
export function diffBlock(diff: string | null): SafeHtml {
  if (diff === null)
    return html`<p class="meta">These changes are too large to show here; compare the two revisions themselves.</p>`;
  if (!diff.trim()) return html`<p class="meta">No differences.</p>`;
  const lines = diff.replace(/\n$/, '').split('\n');
  const cls = (line: string) =>
    line.startsWith('+++') || line.startsWith('---')
      ? 'file'
      : line.startsWith('@@')
        ? 'hunk'
        : line.startsWith('+')
          ? 'add'
          : line.startsWith('-')
            ? 'del'
            : 'ctx';
  const spans = lines.map((line) => html`<span class="${cls(line)}">${line || ' '}</span>`);
  // Focusable: a diff wider than the page scrolls sideways, and a keyboard must be able to scroll it.
  return html`<pre class="diff" tabindex="0">${spans}</pre>`;
}

/** The diff page (`/<Page>/diff?from=<rev>&to=<rev>`). */
export function diffPage(options: {
  path: string;
  title: string;
  from: string;
  to?: string;
  diff: string | null;
  viewer: Viewer;
  sidebar?: SafeHtml;
}): SafeHtml {
  const { path, from, to } = options;
  const rev = (r: string) => html`<a href="${pageHref(path, `/revision/${r}`)}"><code>${r.slice(0, 8)}</code></a>`;
  const body = html`<p class="meta">Changes from ${rev(from)} to ${to ? rev(to) : html`<a href="${pageHref(path)}">the current version</a>`}.</p>
${diffBlock(options.diff)}`;
  return layout({
    title: `Changes to ${options.title}`,
    viewer: options.viewer,
    body,
    page: { path },
    sidebar: options.sidebar,
  });
}
