import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from './testing';
import { runMigrations } from './migrate';

describe('runMigrations', () => {
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(url);
  });

  it('finds nothing to do on a migrated database, even with concurrent starters', async () => {
    const results = await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    expect(results.flat()).toEqual([]);
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT name FROM pgmigrations ORDER BY id');
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
  });
});
