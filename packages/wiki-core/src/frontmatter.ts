/**
 * @module YAML frontmatter parsed with the `yaml` package, which only a page that has a frontmatter block needs:
 * the wiki's own reads go through `readFrontmatter` (markdown.ts), which imports this module on first use.
 */
import { parse as parseYaml } from 'yaml';
import { frontmatterBlock, type ParsedFrontmatter } from './markdown.js';

/**
 * Splits YAML frontmatter (between `---` lines at the very top) from the body. Invalid YAML or a non-mapping
 * counts as no frontmatter: the whole text is the body.
 */
export function parseFrontmatter(content: string): ParsedFrontmatter {
  const block = frontmatterBlock(content);
  if (!block) return { frontmatter: {}, body: content };
  try {
    // uniqueKeys: false — yaml's duplicate-key check compares every pair of keys; the last duplicate wins.
    const data: unknown = parseYaml(block.yaml, { maxAliasCount: 10, uniqueKeys: false });
    if (data === null || data === undefined) return { frontmatter: {}, body: content.slice(block.length) };
    if (typeof data !== 'object' || Array.isArray(data)) return { frontmatter: {}, body: content };
    return { frontmatter: data as Record<string, unknown>, body: content.slice(block.length) };
  } catch {
    return { frontmatter: {}, body: content };
  }
}
