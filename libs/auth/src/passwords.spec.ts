import bcrypt from 'bcryptjs';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with scrypt and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$scrypt\$N=131072,r=8,p=1\$/);
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

  it('asks for a rehash when the parameters are weaker than today (the old N=2^15)', async () => {
    const old = await hashPassword('pw-123456789', { N: 2 ** 15, r: 8, p: 1 });
    expect(old).toMatch(/^\$scrypt\$N=32768,r=8,p=1\$/);
    expect(await verifyPassword('pw-123456789', old)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword('wrong-123456789', old)).toEqual({ ok: false, needsRehash: false });
  });

  it('refuses hashes whose parameters would exhaust memory, without trying them', async () => {
    const huge = '$scrypt$N=1073741824,r=8,p=1$c2FsdA$a2V5';
    expect(await verifyPassword('x', huge)).toEqual({ ok: false, needsRehash: false });
  });

  it('rejects missing and malformed hashes without throwing', async () => {
    expect((await verifyPassword('x', null)).ok).toBe(false);
    expect((await verifyPassword('x', 'plaintext')).ok).toBe(false);
  });
});
