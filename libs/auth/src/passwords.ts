import crypto from 'node:crypto';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** scrypt, memory-hard: N=2^15, r=8, p=1 needs 32 MiB per hash (OWASP's minimum is 2^17/8/1 … 2^15 fits a 2-core box at ~60 ms). */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keylen: 32 } as const;
const MAX_MEM = 64 * 1024 * 1024;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, PARAMS.keylen, {
    N: PARAMS.N,
    r: PARAMS.r,
    p: PARAMS.p,
    maxmem: MAX_MEM,
  });
  return `$scrypt$N=${PARAMS.N},r=${PARAMS.r},p=${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export interface PasswordCheck {
  ok: boolean;
  /** True when the stored hash uses an old KDF or weaker parameters: rehash after a good login. */
  needsRehash: boolean;
}

/** Verifies against our scrypt hashes and the legacy store's bcrypt digests (`$2a$…`). */
export async function verifyPassword(
  password: string,
  stored: string | null | undefined,
): Promise<PasswordCheck> {
  if (!stored) {
    await burnEquivalentTime(password);
    return { ok: false, needsRehash: false };
  }
  if (/^\$2[aby]\$\d{2}\$/.test(stored)) {
    const ok = await bcrypt.compare(password, stored);
    return { ok, needsRehash: ok };
  }
  const match = /^\$scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) {
    await burnEquivalentTime(password);
    return { ok: false, needsRehash: false };
  }
  const [, n, r, p, saltB64, keyB64] = match;
  const expected = Buffer.from(keyB64, 'base64url');
  const actual = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(saltB64, 'base64url'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAX_MEM,
    },
  );
  const ok = actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  const weaker = Number(n) < PARAMS.N || Number(r) < PARAMS.r || Number(p) < PARAMS.p;
  return { ok, needsRehash: ok && weaker };
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real verification would, so that an unknown email and a wrong password
 * cannot be told apart by timing.
 */
export async function burnEquivalentTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
}
