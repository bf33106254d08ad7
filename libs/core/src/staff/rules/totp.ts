import { Secret, TOTP } from 'otpauth';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 s steps. */
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Dailies support',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI to enrol the secret in an authenticator app (as text or a QR code). */
export function totpUri(secret: string, email: string): string {
  return totpOf(secret, email).toString();
}

/** The current code (the CLI and tests use it; staff use their app). */
export function totpCode(secret: string, at = Date.now()): string {
  return totpOf(secret, 'x').generate({ timestamp: at });
}

/**
 * The time step a code belongs to (±1 step of clock drift), or null when it is wrong. Callers
 * refuse a step they already accepted, so a code cannot be replayed.
 */
export function totpStep(secret: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret, 'x').validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD_SECONDS) + delta;
}
