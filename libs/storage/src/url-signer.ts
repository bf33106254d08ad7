import crypto from 'node:crypto';

/** What a signed URL allows: one method on one path until `expires` (seconds since epoch). */
export interface SignedGrant {
  method: 'GET' | 'PUT';
  path: string;
  expires: number;
  /** Extra query parameters covered by the signature (e.g. the download file name). */
  params?: Record<string, string>;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'expired' | 'bad_signature' };

/**
 * HMAC-SHA256 signatures for the local store's URLs (S3 signs its own). The signature covers the
 * method, the path, the expiry and the extra parameters, so changing any of them — another
 * object, another part, a later expiry — makes the URL worthless. Hand-written because it is
 * a dozen lines over node:crypto; comparisons are constant-time.
 */
export class UrlSigner {
  private readonly key: Buffer;

  /** `purpose` derives a key of its own: a signature for one purpose is worthless for another. */
  constructor(secret: string, purpose = 'dailies/storage-urls/v1') {
    if (secret.length < 32) throw new Error('The storage signing secret needs ≥ 32 characters');
    // A key of its own, derived from the secret, so a storage URL's signature is never a valid
    // signature for anything else signed with the same secret.
    this.key = crypto.createHmac('sha256', secret).update(purpose).digest();
  }

  sign(grant: SignedGrant): string {
    return crypto.createHmac('sha256', this.key).update(canonical(grant)).digest('base64url');
  }

  verify(grant: SignedGrant, signature: string, nowMs = Date.now()): VerifyResult {
    const expected = Buffer.from(this.sign(grant));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad_signature' };
    }
    if (grant.expires * 1000 < nowMs) return { ok: false, reason: 'expired' };
    return { ok: true };
  }
}

function canonical({ method, path, expires, params = {} }: SignedGrant): string {
  const extra = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`);
  return [method, path, String(expires), ...extra].join('\n');
}
