import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printGraphqlSchema, SCHEMA_FILE } from './schema-sdl';

// npm run graphql:schema — rewrites libs/api-graphql/schema.graphql from the code.
void (async () => {
  await writeFile(SCHEMA_FILE, await printGraphqlSchema());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
})();
