// One jest run for the whole workspace: fast unit specs beside the code (`*.spec.ts`) and
// integration tests that boot real apps against real PostgreSQL (`*.integration-spec.ts`).
const { pathsToModuleNameMapper } = require('./tools/scripts/jest-paths.cjs');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  moduleNameMapper: pathsToModuleNameMapper(),
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

// Tests of optional integrations (`*.redis-spec.ts`) run with the integration tests only when
// their service is named: CACHE_REDIS_TEST_URL=redis://… (.ci/run sets it). Plain `npm test`
// needs nothing but Node.
// Likewise the S3 tests (`*.s3-spec.ts`) with STORAGE_S3_TEST_ENDPOINT=http://… (`npm run s3:start`).
const optional = [
  ...(process.env.CACHE_REDIS_TEST_URL ? ['**/*.redis-spec.ts'] : []),
  ...(process.env.STORAGE_S3_TEST_ENDPOINT ? ['**/*.s3-spec.ts'] : []),
];

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.integration-spec.ts', ...optional],
      globalSetup: '<rootDir>/libs/db/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/db/src/testing/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 60000,
  // On 2 cores jest runs every file inside its own main process (in band): the heap then grows with
  // each booted platform until V8 gives up near 4 GB. A memory limit makes jest use a worker and
  // start a fresh one whenever a file leaves it above the limit.
  workerIdleMemoryLimit: '1GB',
};
