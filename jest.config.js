/** Jest runs the TypeScript tests through ts-jest; type-checking is `npm run typecheck`'s job. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // office-addin-mock imports office-addin-manifest for one enum; its ESM dependencies cannot load here.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/shims/office-addin-manifest.ts' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
};
