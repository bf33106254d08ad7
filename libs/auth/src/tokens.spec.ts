import { SignJWT } from 'jose';
import { AccessTokenSigner } from './access-tokens';
import { kidOf, parseSigningKeys, SigningKeyError } from './signing-keys';
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

  it('remembers a verified token only until it expires, and never a tampered one', async () => {
    const shortLived = new AccessTokenSigner('x'.repeat(32), 1);
    const { token } = await shortLived.sign({ userId: 'u1', sessionId: 's1' });
    expect(await shortLived.verify(token)).toEqual({ userId: 'u1', sessionId: 's1' });
    expect(await shortLived.verify(token)).toEqual({ userId: 'u1', sessionId: 's1' }); // remembered
    const [h, p, s] = token.split('.');
    expect(await shortLived.verify(`${h}.${p}.${s.slice(0, -2)}xx`)).toBeUndefined();
    // exp is whole seconds: wait past the next second boundary after expiry.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await shortLived.verify(token)).toBeUndefined();
  });
});

describe('AccessTokenSigner hardening', () => {
  const secret = 'x'.repeat(32);
  const signer = new AccessTokenSigner(secret, 60);
  const forge = (claims: { exp?: number; iat?: number }, kid: string | null = kidOf(secret)) => {
    let jwt = new SignJWT({ sid: 's1' })
      .setProtectedHeader(kid ? { alg: 'HS256', kid } : { alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('dailies')
      .setAudience('dailies-api');
    if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(secret));
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a well-formed token signed with the key (the forging helper itself is sound)', async () => {
    expect(await signer.verify(await forge({ iat: now(), exp: now() + 60 }))).toEqual({
      userId: 'u1',
      sessionId: 's1',
    });
  });

  it('refuses a correctly signed token without exp, without iat, or older than the TTL', async () => {
    expect(await signer.verify(await forge({ iat: now() }))).toBeUndefined();
    expect(await signer.verify(await forge({ exp: now() + 60 }))).toBeUndefined();
    // Valid signature, exp a year away, but issued two hours ago: longer than any TTL allows.
    const old = await forge({ iat: now() - 7200, exp: now() + 365 * 86400 });
    expect(await signer.verify(old)).toBeUndefined();
  });

  it('refuses tokens without a kid or with a kid it does not hold', async () => {
    expect(await signer.verify(await forge({ iat: now(), exp: now() + 60 }, null))).toBeUndefined();
    expect(
      await signer.verify(await forge({ iat: now(), exp: now() + 60 }, 'other')),
    ).toBeUndefined();
  });

  it('rotates: signs with the first key of the ring and still verifies the older keys', async () => {
    const [current, previous] = parseSigningKeys(`k2:${'b'.repeat(32)}, k1:${'a'.repeat(32)}`);
    const before = new AccessTokenSigner([previous], 60);
    const after = new AccessTokenSigner([current, previous], 60);
    const oldToken = (await before.sign({ userId: 'u1', sessionId: 's1' })).token;
    const newToken = (await after.sign({ userId: 'u1', sessionId: 's1' })).token;
    expect(JSON.parse(Buffer.from(newToken.split('.')[0], 'base64url').toString())).toMatchObject({
      kid: 'k2',
    });
    expect(await after.verify(oldToken)).toEqual({ userId: 'u1', sessionId: 's1' });
    expect(await before.verify(newToken)).toBeUndefined();
    // Once the old key is dropped from the ring, its tokens stop working.
    expect(await new AccessTokenSigner([current], 60).verify(oldToken)).toBeUndefined();
  });

  it.each([
    ['', /no keys/],
    ['nocolon', /kid:secret/],
    [`k1:short`, /at least 32/],
    [`k1:${'a'.repeat(32)},k1:${'b'.repeat(32)}`, /same kid/],
    [`bad kid:${'a'.repeat(32)}`, /not a valid kid/],
  ])('refuses the key ring %j', (spec, message) => {
    expect(() => parseSigningKeys(spec)).toThrow(SigningKeyError);
    expect(() => parseSigningKeys(spec)).toThrow(message);
  });
});
