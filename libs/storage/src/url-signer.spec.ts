import { UrlSigner } from './url-signer';

describe('UrlSigner', () => {
  const signer = new UrlSigner('s'.repeat(40));
  const grant = { method: 'GET' as const, path: '/storage/objects/a/b', expires: 2_000_000_000 };

  it('accepts its own signature until the expiry', () => {
    const sig = signer.sign(grant);
    expect(signer.verify(grant, sig, 1_999_999_999_000)).toEqual({ ok: true });
    expect(signer.verify(grant, sig, 2_000_000_001_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a signature once the path, method, expiry or a signed parameter changes', () => {
    const sig = signer.sign({ ...grant, params: { download: 'a.mov' } });
    const now = 1_000_000_000_000;
    const bad = { ok: false, reason: 'bad_signature' };
    expect(signer.verify({ ...grant, params: { download: 'a.mov' } }, sig, now)).toEqual({
      ok: true,
    });
    expect(signer.verify({ ...grant, params: { download: 'b.mov' } }, sig, now)).toEqual(bad);
    expect(signer.verify({ ...grant, path: '/storage/objects/a/c' }, sig, now)).toEqual(bad);
    expect(signer.verify({ ...grant, method: 'PUT' }, sig, now)).toEqual(bad);
    expect(signer.verify({ ...grant, expires: grant.expires + 1 }, sig, now)).toEqual(bad);
    expect(new UrlSigner('t'.repeat(40)).verify(grant, signer.sign(grant), now)).toEqual(bad);
  });

  it('refuses a short secret', () => {
    expect(() => new UrlSigner('short')).toThrow(/32 characters/);
  });
});
