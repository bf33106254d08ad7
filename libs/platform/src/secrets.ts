import crypto from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseSigningKeys, SigningKey, singleKey } from '@dailies/auth';
import { Client } from 'pg';

export interface SigningKeySources {
  JWT_SIGNING_KEYS?: string;
  JWT_SECRET_FILE?: string;
  JWT_SECRET?: string;
}

/**
 * The access-token signing keys, from the first source set: JWT_SIGNING_KEYS (a key ring),
 * JWT_SECRET_FILE (a mounted secret: a key ring, or one plain secret), JWT_SECRET. With none
 * (development only — production refuses to start, see loadPlatformConfig) one key is generated
 * once and kept in the database, so that every instance and every restart agree.
 */
export async function resolveSigningKeys(
  databaseUrl: string,
  sources: SigningKeySources,
): Promise<SigningKey[]> {
  if (sources.JWT_SIGNING_KEYS) return parseSigningKeys(sources.JWT_SIGNING_KEYS);
  if (sources.JWT_SECRET_FILE) return keysFromFile(sources.JWT_SECRET_FILE);
  if (sources.JWT_SECRET) return singleKey(sources.JWT_SECRET);
  return singleKey(await storedSecret(databaseUrl));
}

async function keysFromFile(file: string): Promise<SigningKey[]> {
  const content = (await readFile(file, 'utf8')).trim();
  // A ring names its keys (`kid:secret`); a generated secret (base64url, hex) has no colon.
  if (content.includes(':')) return parseSigningKeys(content.replace(/\s*\n\s*/g, ','));
  if (content.length < 32)
    throw new Error(`JWT_SECRET_FILE: ${file} holds fewer than 32 characters`);
  return singleKey(content);
}

async function storedSecret(databaseUrl: string): Promise<string> {
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
