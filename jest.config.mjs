// Four projects chosen by file suffix; one PostgreSQL for the whole run (see test/global-setup.ts).
// Jest runs our TypeScript as ES modules because Nest 12 ships ES modules that jest cannot require().
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@cl/(platform|event-store|cultivation|testing|refusals)$': '<rootDir>/libs/$1/src/index.ts',
    '^@cl/platform/tokens$': '<rootDir>/libs/platform/src/tokens.ts',
    '^@cl/cultivation/reference$': '<rootDir>/libs/cultivation/src/reference.ts',
  },
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
};
export default {
  ...common,
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
    // The console in a real Chromium (playwright-core + @sparticuz/chromium) against a running service.
    { ...common, displayName: 'browser', testMatch: ['**/*.browser-spec.ts'] },
  ],
};
