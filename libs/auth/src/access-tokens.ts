import { errors, JWTHeaderParameters, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { SigningKey, singleKey } from './signing-keys';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

/** Clock skew allowed between instances when judging a token's age. */
const SKEW_SECONDS = 60;

/**
 * Short-lived signed JWTs (HS256) that carry a user id and the refresh-token family they came
 * from. Signed with the first key of the ring (its `kid` in the header), verified with the key the
 * header names. A token without `exp` or `iat`, or older than the TTL, is refused whatever its
 * claims say, so a leaked signing key cannot mint tokens that live forever.
 */
export class AccessTokenSigner {
  private readonly keys: ReadonlyMap<string, Uint8Array>;
  private readonly signingKid: string;
  /**
   * Tokens whose signature this signer already verified, until the moment they stop being valid
   * (`exp`, or `iat` + the maximum age). Verifying an HS256 signature through WebCrypto was 14 %
   * of the CPU of GET /v2/assets/:id (bench:api profile); a signature's validity never changes
   * while the key ring does not, and the ring is fixed for the signer's life (rotation is a new
   * configuration). Whether the session is still live is checked per request elsewhere, so a
   * revoked session takes effect at once. Only valid tokens are kept; 10,000 at most.
   */
  private readonly verified = new LRUCache<string, AccessTokenClaims>({ max: 10_000 });

  constructor(
    keys: string | readonly SigningKey[],
    private readonly ttlSeconds: number,
    private readonly issuer = 'dailies',
  ) {
    const ring = typeof keys === 'string' ? singleKey(keys) : keys;
    if (ring.length === 0) throw new Error('AccessTokenSigner needs at least one key');
    this.keys = new Map(ring.map((k) => [k.kid, new TextEncoder().encode(k.secret)]));
    this.signingKid = ring[0].kid;
  }

  async sign(claims: AccessTokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: this.signingKid })
      .setSubject(claims.userId)
      .setIssuer(this.issuer)
      .setAudience('dailies-api')
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.keys.get(this.signingKid)!);
    return { token, expiresAt: new Date((now + this.ttlSeconds) * 1000) };
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    const known = this.verified.get(token);
    if (known) return { ...known };
    try {
      const { payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        issuer: this.issuer,
        audience: 'dailies-api',
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: Math.max(this.ttlSeconds, 0) + SKEW_SECONDS,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
      const claims = { userId: payload.sub, sessionId: payload.sid };
      // exp and iat are required claims: jwtVerify refused the token without them.
      const { exp = 0, iat = 0 } = payload;
      const validUntilMs = Math.min(exp, iat + Math.max(this.ttlSeconds, 0) + SKEW_SECONDS) * 1000;
      const ttl = validUntilMs - Date.now();
      if (ttl > 0) this.verified.set(token, claims, { ttl });
      return claims;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof UnknownKeyError) return undefined;
      throw error;
    }
  }

  private keyFor(header: JWTHeaderParameters): Uint8Array {
    const key = header.kid === undefined ? undefined : this.keys.get(header.kid);
    if (!key) throw new UnknownKeyError();
    return key;
  }
}

class UnknownKeyError extends Error {}
