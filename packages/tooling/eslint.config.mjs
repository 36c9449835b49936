/**
 * Shared ESLint flat config. Besides typescript-eslint's recommended rules it enforces three of the
 * workspace's conventions: environment variables are read only where configuration is loaded, no
 * package reaches into another package's src/, and no line is longer than 120 characters.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'cdktf.out/**', 'coverage/**', '**/*.d.ts', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      // Input validation here matches control characters on purpose (page paths, commit messages).
      'no-control-regex': 'off',
      // No line over 120 characters (STYLE.md). Prettier wraps code at 120 but not comments, which are wrapped by
      // hand; a line holding a string, template, URL or regular expression is left to Prettier. Core `max-len` is
      // deprecated but kept until ESLint 11; @stylistic/eslint-plugin's rule of the same name replaces it then.
      'max-len': [
        'error',
        {
          code: 120,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@wikibot/*/src/*', '**/packages/*/src/*', '**/apps/*/src/*'],
              message: 'Import a package by its name; its src/index.ts is its public surface.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/handler.ts', 'src/config.ts', 'src/env.ts', 'src/main.ts', 'src/start.ts', 'src/**/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            "Read configuration through @wikibot/auth-config loadConfig (or the package's config module), not process.env.",
        },
      ],
    },
  },
);
