// Three jest projects, one per layer of the test pyramid (see docs/testing.md):
//   unit        *.spec.ts      pure logic and time-skipping workflow tests, no servers
//   integration *.int-spec.ts  real PostgreSQL / Kafka / Temporal started by infra/local/stack
//   e2e         *.e2e-spec.ts  through HTTP on the real stack
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@enforcement/(domain|workdays|platform|redaction)$': '<rootDir>/libs/$1/src/index.ts',
    '^@enforcement/(domain|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.local/'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,infra,test}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,infra,test}/**/*.int-spec.ts'],
      slowTestThreshold: 30,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
      slowTestThreshold: 60,
    },
  ],
};
