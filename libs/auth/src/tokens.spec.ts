import { AccessTokenSigner } from './access-tokens';
import { generateToken, hashToken, tokenKind } from './tokens';

describe('opaque tokens', () => {
  it('are unique, prefixed by kind and hash deterministically', () => {
    const a = generateToken('pat');
    const b = generateToken('pat');
    expect(a).not.toEqual(b);
    expect(tokenKind(a)).toBe('pat');
    expect(tokenKind('dly_rt_short')).toBeUndefined();
    expect(hashToken(a)).toEqual(hashToken(a));
    expect(hashToken(a)).not.toEqual(hashToken(b));
  });
});

describe('AccessTokenSigner', () => {
  const signer = new AccessTokenSigner('x'.repeat(32), 60);

  it('round-trips claims', async () => {
    const { token } = await signer.sign({ userId: 'u1', sessionId: 's1' });
    expect(await signer.verify(token)).toEqual({ userId: 'u1', sessionId: 's1' });
  });

  it('rejects tampered, foreign and expired tokens', async () => {
    const { token } = await signer.sign({ userId: 'u1', sessionId: 's1' });
    const [h, p, s] = token.split('.');
    expect(await signer.verify(`${h}.${p}.${s.slice(0, -2)}xx`)).toBeUndefined();
    expect(await new AccessTokenSigner('y'.repeat(32), 60).verify(token)).toBeUndefined();
    const expired = await new AccessTokenSigner('x'.repeat(32), -10).sign({
      userId: 'u1',
      sessionId: 's1',
    });
    expect(await signer.verify(expired.token)).toBeUndefined();
    expect(await signer.verify('not a jwt')).toBeUndefined();
  });
});
