// Lint rules that guard the architecture (docs/architecture.md):
//  - workflow code stays deterministic: no Node built-ins, no I/O clients, activities imported by type only;
//  - no floating promises anywhere (an un-awaited promise in a workflow or handler loses errors);
//  - Nx module boundaries: libs never import apps, apps never import each other, pure libs import no side effects.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const sideEffectPackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  'nestjs-pino',
  'pino',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '.local/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest and TypeORM APIs are loosely typed at their edges (query results, DI factories); `any` stays visible.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:pure', onlyDependOnLibsWithTags: ['scope:pure'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:pure'] },
          ],
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox.
    files: ['apps/*/src/workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'workflow code must not use Node built-ins (non-deterministic)',
          })),
          patterns: [
            { group: ['node:*'], message: 'workflow code must not use Node built-ins (non-deterministic)' },
            { group: sideEffectPackages, message: 'workflow code must not do I/O; call an activity' },
            {
              group: ['../activities/*', '../activities'],
              allowTypeImports: true,
              message: 'import activities by type only (proxyActivities)',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' },
      ],
    },
  },
  {
    // Pure libraries: imported by workflow code, so no Node built-ins and nothing with side effects.
    files: ['libs/domain/src/**/*.ts', 'libs/workdays/src/**/*.ts', 'libs/redaction/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'pure libraries must not use Node built-ins' })),
          patterns: [
            { group: ['node:*'], message: 'pure libraries must not use Node built-ins' },
            { group: sideEffectPackages, message: 'pure libraries must not depend on I/O packages' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
