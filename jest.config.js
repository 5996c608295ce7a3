/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Procedure tests live next to their definitions: procedures/<name>/v<N>.test.ts.
  roots: ['<rootDir>/test', '<rootDir>/procedures'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 120_000,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};
