/**
 * @module Syntax highlighting for fenced code blocks. Only the highlight.js core and a handful of common
 * languages are loaded, to keep the Lambda bundle small; anything else renders as plain escaped code.
 */
import hljs from './hljs-languages.js';

/**
 * Highlights `code` as `language` when that language is loaded; returns '' otherwise, which tells
 * markdown-it to escape the code itself. highlight.js escapes the code it wraps in spans.
 */
export function highlight(code: string, language: string): string {
  const name = language.trim().toLowerCase();
  if (!name || !hljs.getLanguage(name)) return '';
  try {
    return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    return '';
  }
}
