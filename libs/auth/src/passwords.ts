import crypto from 'node:crypto';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * scrypt at OWASP's Password Storage Cheat Sheet recommendation: N=2^17, r=8, p=1 — 128 MiB and
 * ~250 ms per hash on one core of these machines. The parameters are stored in every hash, so
 * hashes made with older (weaker) ones still verify and are rewritten on the next good login.
 */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below that, so allow twice it. */
const maxMemFor = ({ N, r }: ScryptParams): number => 2 * 128 * N * r;

/** The most a stored hash may ask for (a hash from the database is data, not a licence to OOM). */
const MAX_STORED_N = 2 ** 20;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** A `$scrypt$N=…,r=…,p=…$salt$key` hash (other parameters only for tests of the upgrade). */
export async function hashPassword(
  password: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
    ...params,
    maxmem: maxMemFor(params),
  });
  return `$scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
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
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (params.N > MAX_STORED_N || params.r > 32 || params.p > 16) {
    await burnEquivalentTime(password);
    return { ok: false, needsRehash: false };
  }
  const expected = Buffer.from(keyB64, 'base64url');
  const actual = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(saltB64, 'base64url'),
    expected.length,
    { ...params, maxmem: maxMemFor(params) },
  );
  const ok = actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  // Weaker than today's: rehash. Stronger (a future setting rolled back) stays as it is.
  const weaker =
    params.N < SCRYPT_PARAMS.N || params.r < SCRYPT_PARAMS.r || params.p < SCRYPT_PARAMS.p;
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
