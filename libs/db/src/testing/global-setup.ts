import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresServer } from '../embedded/embedded-postgres';
import { runMigrations } from '../migrate';
import {
  adminQuery,
  assertTestDatabase,
  databaseNameOf,
  quoteIdent,
  TEST_ADMIN_URL_ENV,
  TEST_TEMPLATE_ENV,
  withDatabase,
} from './test-database';

declare global {
  var __DAILIES_EMBEDDED__: EmbeddedPostgresServer | undefined;
}

/**
 * Integration runs get their own throwaway databases: on an embedded PostgreSQL in a temporary
 * folder by default, or on the server of TEST_DATABASE_URL (whose database name must say `test`).
 * A migrated template is made once per run; each test file copies it.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
  let adminUrl: string;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    assertTestDatabase(external);
    adminUrl = external;
  } else {
    const dataDir = path.join(os.tmpdir(), `dailies-test-${runId}`);
    const server = new EmbeddedPostgresServer({ dataDir, database: 'dailies_test' });
    adminUrl = await server.start();
    globalThis.__DAILIES_EMBEDDED__ = server;
    process.env.DAILIES_TEST_EMBEDDED_DIR = dataDir;
  }
  const template = `${databaseNameOf(adminUrl)}_${runId}_template`.replace(/[^a-zA-Z0-9_]/g, '_');
  const templateUrl = withDatabase(adminUrl, template);
  assertTestDatabase(templateUrl);
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(template)}`);
  await runMigrations(templateUrl);
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
  process.env[TEST_TEMPLATE_ENV] = template;
}
