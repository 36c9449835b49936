#!/usr/bin/env node
/**
 * Lints the current package with the workspace's shared ESLint config, so no package repeats the
 * config or depends on ESLint itself. usage: wikibot-lint
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: fileURLToPath(new URL('../eslint.config.mjs', import.meta.url)),
  errorOnUnmatchedPattern: false,
});
const results = await eslint.lintFiles(['src', 'tests']);
const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);
if (output) console.log(output);
process.exitCode = results.some((r) => r.errorCount > 0) ? 1 : 0;
