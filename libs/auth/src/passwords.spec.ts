import bcrypt from 'bcryptjs';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with scrypt and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$scrypt\$N=32768,r=8,p=1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toEqual({
      ok: true,
      needsRehash: false,
    });
    expect((await verifyPassword('wrong horse battery', hash)).ok).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toEqual(await hashPassword('same password'));
  });

  it('accepts legacy bcrypt digests and asks for a rehash', async () => {
    const legacy = bcrypt.hashSync('legacy-password', 4).replace(/^\$2b\$/, '$2a$');
    expect(legacy.startsWith('$2a$')).toBe(true);
    expect(await verifyPassword('legacy-password', legacy)).toEqual({
      ok: true,
      needsRehash: true,
    });
    expect(await verifyPassword('nope', legacy)).toEqual({ ok: false, needsRehash: false });
  });

  it('asks for a rehash when the parameters are weaker than today', async () => {
    const strong = await hashPassword('pw-123456789');
    const weak = strong.replace('N=32768', 'N=16384');
    // A different N gives a different key, so the weak hash is rebuilt for the test by hand.
    const crypto = await import('node:crypto');
    const salt = Buffer.from(weak.split('$')[3], 'base64url');
    const key = crypto.scryptSync('pw-123456789', salt, 32, { N: 16384, r: 8, p: 1 });
    const rebuilt = `$scrypt$N=16384,r=8,p=1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('pw-123456789', rebuilt)).toEqual({ ok: true, needsRehash: true });
  });

  it('rejects missing and malformed hashes without throwing', async () => {
    expect((await verifyPassword('x', null)).ok).toBe(false);
    expect((await verifyPassword('x', 'plaintext')).ok).toBe(false);
  });
});
