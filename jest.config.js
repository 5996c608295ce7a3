/**
 * Three projects, each starting only what its tests need (`npm run test:unit`,
 * `test:interpreter`, `test:full`; `npm test` runs all three):
 * - unit: pure code; no database, no Temporal server, seconds;
 * - interpreter: the dossier workflow on Temporal's time-skipping test server with stub
 *   activities (test/interpreter), so days of deadlines pass in seconds;
 * - full-stack: the whole system (PostgreSQL, the Temporal dev server, sandboxes, web, browser).
 * Procedure folders hold both kinds: `procedures/<name>/v<N>.test.ts` drive a published version
 * through the full stack; any other `*.test.ts` under procedures/ (such as a snapshot test of
 * the resolved definitions) is a unit test.
 */
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};
const FULL_STACK_PROCEDURE_TEST = '<rootDir>/procedures/[^/]+/v\\d+\\.test\\.ts$';

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads the timeout from the top level only. The interpreter harness and the full-stack
  // helpers bound their own waits with clearer messages; this catches anything else.
  testTimeout: 120_000,
  // Test files run in a worker process that is replaced once it holds more than this after a
  // file: full-stack files each start a web app, workers and native Temporal connections, and
  // one process running all of them in turn (Jest's choice on 2 cores) ran out of heap. Setting
  // a limit also makes Jest use a worker even when it has only one.
  workerIdleMemoryLimit: '1536MB',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/test/unit', '<rootDir>/procedures'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', FULL_STACK_PROCEDURE_TEST],
    },
    {
      displayName: 'interpreter',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/test/interpreter'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/test/setup/interpreter-setup.ts',
    },
    {
      displayName: 'full-stack',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/test', '<rootDir>/procedures'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/unit/',
        '<rootDir>/test/interpreter/',
        // Everything under procedures/ but the version tests is a unit test.
        '<rootDir>/procedures/(?![^/]+/v\\d+\\.test\\.ts$)',
      ],
      globalSetup: '<rootDir>/test/setup/full-stack-setup.ts',
      globalTeardown: '<rootDir>/test/setup/full-stack-teardown.ts',
    },
  ],
};
