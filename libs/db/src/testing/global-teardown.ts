import fs from 'node:fs';
import { Client } from 'pg';
import { quoteIdent, TEST_ADMIN_URL_ENV, TEST_TEMPLATE_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__DAILIES_EMBEDDED__;
  if (server) {
    await server.stop();
    const dir = process.env.DAILIES_TEST_EMBEDDED_DIR;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  // On a shared server, drop every database this run created.
  const adminUrl = process.env[TEST_ADMIN_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (!adminUrl || !template) return;
  const prefix = template.replace(/_template$/, '');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
