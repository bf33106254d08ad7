import crypto from 'node:crypto';

/**
 * Opaque secrets (refresh tokens, API tokens, invitation tokens): 256 random bits with a prefix
 * that says what the token is (and lets secret scanners find leaked ones). Only a SHA-256 digest
 * is stored: a fast hash is right for high-entropy secrets, and lookups stay indexable.
 */
/** `ev`: e-mail verification link, `pr`: password reset link. */
export type TokenKind = 'rt' | 'pat' | 'inv' | 'ev' | 'pr';

export function generateToken(kind: TokenKind): string {
  return `dly_${kind}_${crypto.randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenKind(token: string): TokenKind | undefined {
  const match = /^dly_(rt|pat|inv|ev|pr)_[\w-]{43}$/.exec(token);
  return match ? (match[1] as TokenKind) : undefined;
}

export function timingSafeEqualStrings(a: string, b: string): boolean {
  const ab = crypto.createHash('sha256').update(a).digest();
  const bb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ab, bb);
}
