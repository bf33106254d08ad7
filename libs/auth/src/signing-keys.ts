import crypto from 'node:crypto';

/** One HS256 key and the id (`kid`) tokens signed with it carry. */
export interface SigningKey {
  readonly kid: string;
  readonly secret: string;
}

export class SigningKeyError extends Error {}

const KID = /^[A-Za-z0-9_-]{1,64}$/;
const MIN_SECRET_LENGTH = 32;

/** A single secret's key id: derived from the secret, so every instance agrees without config. */
export function kidOf(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('base64url').slice(0, 8);
}

/**
 * The key ring from `JWT_SIGNING_KEYS` (`kid:secret` pairs, comma-separated, the first one signs,
 * all verify) — how keys are rotated: add the new key first, keep the old one until the tokens
 * it signed have expired (ACCESS_TOKEN_TTL_SECONDS), then drop it.
 */
export function parseSigningKeys(spec: string): SigningKey[] {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon <= 0) throw new SigningKeyError('JWT_SIGNING_KEYS: each entry is kid:secret');
      const kid = part.slice(0, colon);
      const secret = part.slice(colon + 1);
      if (!KID.test(kid))
        throw new SigningKeyError(`JWT_SIGNING_KEYS: "${kid}" is not a valid kid`);
      if (secret.length < MIN_SECRET_LENGTH) {
        throw new SigningKeyError(
          `JWT_SIGNING_KEYS: the secret of "${kid}" needs at least ${MIN_SECRET_LENGTH} characters`,
        );
      }
      return { kid, secret };
    });
  if (keys.length === 0) throw new SigningKeyError('JWT_SIGNING_KEYS: no keys');
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) {
    throw new SigningKeyError('JWT_SIGNING_KEYS: two keys have the same kid');
  }
  return keys;
}

/** A plain secret (JWT_SECRET, or one kept in the database) as a one-key ring. */
export function singleKey(secret: string): SigningKey[] {
  return [{ kid: kidOf(secret), secret }];
}
