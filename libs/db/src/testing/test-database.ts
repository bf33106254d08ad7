import crypto from 'node:crypto';
import { Client } from 'pg';

/** Set by the integration global set-up: the server and the migrated template of this run. */
export const TEST_ADMIN_URL_ENV = 'DAILIES_TEST_ADMIN_URL';
export const TEST_TEMPLATE_ENV = 'DAILIES_TEST_TEMPLATE_DB';

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Tests never touch a database unless its name says it is for tests. */
export function assertTestDatabase(url: string): void {
  const name = databaseNameOf(url);
  if (!/test/i.test(name)) {
    throw new Error(
      `Refusing to run tests against database "${name}": its name must contain "test".`,
    );
  }
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A fresh database, copied from this run's migrated template (~100 ms). */
export async function createTestDatabase(): Promise<string> {
  return createDatabaseFrom('template');
}

/**
 * A fresh database without any migration applied (a copy of PostgreSQL's template0), for tests
 * of the migrations themselves. Dropped with dropTestDatabase like the others.
 */
export async function createEmptyTestDatabase(): Promise<string> {
  return createDatabaseFrom('empty');
}

async function createDatabaseFrom(source: 'template' | 'empty'): Promise<string> {
  const adminUrl = process.env[TEST_ADMIN_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (!adminUrl || !template) {
    throw new Error('No test database server: run integration tests through jest (global set-up).');
  }
  // The run's prefix: the shared-server teardown drops every database that starts with it.
  const name = `${template.replace(/_template$/, '')}_${crypto.randomBytes(4).toString('hex')}`;
  const url = withDatabase(adminUrl, name);
  assertTestDatabase(url);
  const from = source === 'template' ? quoteIdent(template) : 'template0';
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${from}`);
  return url;
}

export async function dropTestDatabase(url: string): Promise<void> {
  assertTestDatabase(url);
  const adminUrl = process.env[TEST_ADMIN_URL_ENV];
  if (!adminUrl) return;
  await adminQuery(
    adminUrl,
    `DROP DATABASE IF EXISTS ${quoteIdent(databaseNameOf(url))} WITH (FORCE)`,
  );
}
