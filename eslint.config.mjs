import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Module boundaries (DESIGN.md): apps depend on libs, never on each other; the core domain knows
// no app, no transport and none of its consumers; consumers see core's events, not transports.
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:transport',
      'type:domain',
      'type:consumer',
      'type:data',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:transport',
      'type:domain',
      'type:consumer',
      'type:data',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:transport',
    onlyDependOnLibsWithTags: [
      'type:transport',
      'type:read-model',
      'type:domain',
      'type:data',
      'type:util',
    ],
  },
  // A read model serves exactly one transport (the /v1 adapter, or GraphQL's DataLoaders).
  {
    sourceTag: 'type:read-model',
    onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util'],
  },
  { sourceTag: 'scope:core-api', notDependOnLibsWithTags: ['read-model:legacy'] },
  { sourceTag: 'scope:munger', notDependOnLibsWithTags: ['read-model:graphql'] },
  { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['type:read-model'] },
  {
    sourceTag: 'type:consumer',
    onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util'],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:util'] },
  // Scopes: which product slice a project belongs to. Shared code (infrastructure, the domain,
  // consumers, the platform boot) never reaches into a slice; the modern API (`scope:api`), the
  // legacy bridge that will be thrown away (`scope:legacy`) and one-off operations (`scope:ops`)
  // use shared code and never each other; only the all-in-one platform app mounts them all.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:legacy', onlyDependOnLibsWithTags: ['scope:legacy', 'scope:shared'] },
  { sourceTag: 'scope:ops', onlyDependOnLibsWithTags: ['scope:ops', 'scope:shared'] },
  // The Support Tool (staff pages) uses shared code only, like the API slices.
  { sourceTag: 'scope:support', onlyDependOnLibsWithTags: ['scope:support', 'scope:shared'] },
  {
    sourceTag: 'scope:platform',
    onlyDependOnLibsWithTags: ['scope:api', 'scope:legacy', 'scope:support', 'scope:shared'],
  },
];

const moduleBoundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: constraints,
    banTransitiveDependencies: false,
  },
];

// The Munger's tests check that /v1 writes show in /v2, so they (and only they) may mount /v2.
// The Support Tool's tests and screenshots set customers up through /v2, like a customer would.
const supportTestConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'scope:support'
    ? {
        ...constraint,
        onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:api'],
      }
    : constraint,
);

const mungerTestConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'scope:legacy'
    ? {
        ...constraint,
        onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:api'],
      }
    : constraint,
);

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/.data',
      '**/.nx',
      'libs/db/src/generated/**',
      '.docker-deps/**',
      '**/*.cjs',
      'coverage',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(depConstraints),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The domain must not reach for a transport.
    files: ['libs/core/**/*.ts', 'libs/events/**/*.ts', 'libs/consumers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                '@fastify/*',
                '@nestjs/platform-*',
                '@nestjs/swagger',
                '@nestjs/graphql',
                'mercurius',
              ],
              message: 'The domain knows no transport.',
            },
          ],
        },
      ],
    },
  },
  {
    // Aggregates (DESIGN.md, issue 18): code outside an aggregate folder of libs/core imports only
    // its index.ts. The contexts' wiring (module, event barrel, read-support seam) is exempt.
    files: ['libs/core/src/**/*.ts'],
    ignores: [
      'libs/core/src/*/*.module.ts',
      'libs/core/src/*/events.ts',
      'libs/core/src/read-support.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\.?/)+(projects/|accounts/)?(project|asset|comment|review-link|account|identity|team|invitation)/.+',
              message: "Import another aggregate through its index.ts (e.g. '../../../comment').",
            },
          ],
        },
      ],
    },
  },
  {
    // @dailies/core/read-support serves the read models beside their transport, nobody else.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/read-models/**', 'libs/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@dailies/core/read-support',
              message: 'Only libs/read-models/* may use the read-support seam; use @dailies/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/munger/**/*.integration-spec.ts', 'apps/munger/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(mungerTestConstraints) },
  },
  {
    files: [
      'apps/support-tool/**/*.integration-spec.ts',
      'apps/support-tool/src/testing/**/*.ts',
      'apps/support-tool/src/screenshots.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(supportTestConstraints) },
  },
  {
    // A promise nobody awaits loses its errors (an unhandled rejection) and its ordering. Typed
    // linting: each file is checked with the types of the tsconfig.json that includes it.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
  ...tseslint.configs.recommended.slice(0, 0),
];
