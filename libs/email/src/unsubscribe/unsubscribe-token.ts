import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who asked to stop which list: what an unsubscribe link carries. */
export interface UnsubscribeClaim {
  userId: string;
  email: string;
  list: string;
}

const VERSION = 'u1';

/**
 * Unsubscribe tokens: the claim in base64url JSON, then an HMAC-SHA256 of it under the server's
 * secret. They do not expire — RFC 8058 links must keep working in old mail — and cannot be made
 * for another address or list without the secret.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('the unsubscribe signing secret needs ≥ 32 characters');
  }

  sign(claim: UnsubscribeClaim): string {
    const body = Buffer.from(
      JSON.stringify({ u: claim.userId, e: claim.email.toLowerCase(), l: claim.list }),
    ).toString('base64url');
    return `${VERSION}.${body}.${this.mac(body)}`;
  }

  /** The claim, or null for anything malformed or not signed by us. */
  verify(token: string): UnsubscribeClaim | null {
    const [version, body, mac, extra] = token.split('.');
    if (version !== VERSION || !body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      const { u, e, l } = parsed;
      if (typeof u !== 'string' || typeof e !== 'string' || typeof l !== 'string') return null;
      return { userId: u, email: e, list: l };
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(`${VERSION}.${body}`).digest('base64url');
  }
}
