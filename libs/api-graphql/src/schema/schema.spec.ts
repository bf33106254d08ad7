import { readFile } from 'node:fs/promises';
import { printGraphqlSchema, SCHEMA_FILE } from './schema-sdl';

describe('the committed GraphQL schema', () => {
  it('is what the code defines (run `npm run graphql:schema` after changing the schema)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(await printGraphqlSchema()).toBe(committed);
  });
});
