import { testOutbox } from '../testing/email-test-kit';
import { composeDigest } from './compose-digest';

describe('composeDigest', () => {
  const outbox = testOutbox();
  const deps = {
    links: outbox.links,
    tokens: outbox.tokens,
    unsubscribeMailto: 'unsubscribe@dailies.test',
  };
  const decision = {
    due: true as const,
    from: new Date('2026-06-01T15:00:00Z'),
    to: new Date('2026-06-01T16:00:00Z'),
  };
  const items = [{ summary: 'Bo commented', url: outbox.links.to('assets/a1') }];
  const recipient = {
    userId: '11111111-1111-4111-8111-111111111111',
    email: 'ana@example.com',
    name: 'Ana',
    cadence: 'hourly' as const,
  };

  it('composes a digest for a verified address', () => {
    const digest = composeDigest(deps, { ...recipient, emailVerified: true }, decision, items);
    expect(digest?.key).toBe(`digest:${recipient.userId}:2026-06-01T16:00:00.000Z`);
    expect(digest?.email.to).toBe('ana@example.com');
  });

  it('skips an unverified address, even with unread notifications', () => {
    expect(composeDigest(deps, { ...recipient, emailVerified: false }, decision, items)).toBeNull();
  });
});
