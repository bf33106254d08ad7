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
    onlyDependOnLibsWithTags: ['type:transport', 'type:domain', 'type:data', 'type:util'],
  },
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
  {
    sourceTag: 'scope:platform',
    onlyDependOnLibsWithTags: ['scope:api', 'scope:legacy', 'scope:shared'],
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
    files: ['apps/munger/**/*.integration-spec.ts', 'apps/munger/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(mungerTestConstraints) },
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
