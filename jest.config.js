/** Jest runs the TypeScript tests through ts-jest; type-checking is `npm run typecheck`'s job. */
const { availableParallelism } = require('node:os');

module.exports = {
  testEnvironment: 'node',
  // One worker per core, not jest's default of cores − 1: most slow tests wait on a child process (Chromium,
  // LibreOffice, the compiled CLI), so on a 2-core CI machine a second worker halves the wall time.
  maxWorkers: Math.max(2, availableParallelism()),
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // office-addin-mock imports office-addin-manifest for one enum; its ESM dependencies cannot load here.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/shims/office-addin-manifest.ts' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
};
