import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeConfig, configSchemasOf } from '@dailies/config';
import { platformConfigSchemas } from '@dailies/platform';
import { platformFeatures } from './platform.features';

/** The variables the README's "Environment variables" table documents (tests-only ones aside). */
function documentedVariables(): string[] {
  const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
  const section = readme.split('## Environment variables')[1].split('\n## ')[0];
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)]
    .map((m) => m[1])
    .filter(
      (name) =>
        !['TEST_DATABASE_URL', 'CACHE_REDIS_TEST_URL', 'STORAGE_S3_TEST_ENDPOINT'].includes(name),
    );
}

describe('the configuration of the one-process platform', () => {
  it('reads exactly the variables the README documents, each declared by one lib', () => {
    const schema = composeConfig([...platformConfigSchemas, ...configSchemasOf(platformFeatures)]);
    expect(Object.keys(schema.shape).sort()).toEqual(documentedVariables().sort());
  });
});
