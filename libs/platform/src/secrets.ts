import crypto from 'node:crypto';
import { Client } from 'pg';

/**
 * The JWT signing key: JWT_SECRET when set, else one generated once and kept in the database so
 * that every instance (and every restart) signs and verifies with the same key.
 */
export async function resolveJwtSecret(
  databaseUrl: string,
  configured: string | undefined,
): Promise<string> {
  if (configured) return configured;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO system_secrets (name, value) VALUES ('jwt_signing_key', $1) ON CONFLICT (name) DO NOTHING`,
      [crypto.randomBytes(48).toString('base64url')],
    );
    const { rows } = await client.query<{ value: string }>(
      `SELECT value FROM system_secrets WHERE name = 'jwt_signing_key'`,
    );
    return rows[0].value;
  } finally {
    await client.end();
  }
}
