import { UnsubscribeTokens } from './unsubscribe-token';

const tokens = new UnsubscribeTokens('a-test-secret-that-is-long-enough-000');
const claim = {
  userId: '0d7c1a7e-0000-4000-8000-000000000001',
  email: 'Ana@Example.com',
  list: 'digest',
};

describe('UnsubscribeTokens', () => {
  it('round-trips a claim (address lower-cased)', () => {
    expect(tokens.verify(tokens.sign(claim))).toEqual({ ...claim, email: 'ana@example.com' });
  });

  it('refuses a token for another address made by editing the claim', () => {
    const [version, , mac] = tokens.sign(claim).split('.');
    const forged = Buffer.from(
      JSON.stringify({ u: claim.userId, e: 'bob@example.com', l: 'digest' }),
    ).toString('base64url');
    expect(tokens.verify(`${version}.${forged}.${mac}`)).toBeNull();
  });

  it('refuses tokens signed with another secret, and garbage', () => {
    const other = new UnsubscribeTokens('another-secret-that-is-long-enough-0000');
    expect(tokens.verify(other.sign(claim))).toBeNull();
    for (const bad of ['', 'u1', 'u1.x.y', 'u1..', `${tokens.sign(claim)}.extra`]) {
      expect(tokens.verify(bad)).toBeNull();
    }
  });
});
