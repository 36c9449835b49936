/**
 * Shared jest preset: TypeScript ESM transformed by swc, tests under tests/unit and tests/e2e.
 * Jest runs in native ESM mode (NODE_OPTIONS=--experimental-vm-modules) because jose,
 * oidc-provider and the MCP SDK are ESM.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testTimeout: 30_000,
  reporters: ['default', new URL('./summary-reporter.mjs', import.meta.url).pathname],
};
