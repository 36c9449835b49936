/**
 * Shared ESLint flat config. Besides typescript-eslint's recommended rules it enforces two of the
 * workspace's conventions: environment variables are read only where configuration is loaded, and no
 * package reaches into another package's src/.
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
