import { SignedUrl } from './object-storage';
import { UrlSigner, VerifyResult } from './url-signer';

/**
 * Short-lived signed links to things this process serves itself (an HLS playlist rewritten with
 * presigned segment URLs), for clients that cannot send a bearer token — a `<video>` element,
 * Safari's native HLS. The link is the permission, as a presigned storage URL is: it is handed
 * out only after an access check, covers one GET of one path, and expires.
 */
export class SignedLinks {
  private baseUrl: string;

  constructor(
    private readonly signer: UrlSigner,
    baseUrl = 'http://localhost:3000',
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Where clients reach this process: known only once it listens (PORT=0). */
  useBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  sign(urlPath: string, expiresInSeconds: number): SignedUrl {
    const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;
    const signature = this.signer.sign({ method: 'GET', path: urlPath, expires });
    const query = new URLSearchParams({ expires: String(expires), signature });
    return { url: `${this.baseUrl}${urlPath}?${query}`, expiresAt: new Date(expires * 1000) };
  }

  verify(urlPath: string, query: { expires?: string; signature?: string }): VerifyResult {
    const { expires, signature } = query;
    if (!expires || !signature || !/^\d+$/.test(expires)) {
      return { ok: false, reason: 'bad_signature' };
    }
    return this.signer.verify(
      { method: 'GET', path: urlPath, expires: Number(expires) },
      signature,
    );
  }
}

/** The signing key's purpose: links never verify as storage URLs, nor the other way round. */
export const SIGNED_LINKS_PURPOSE = 'dailies/signed-links/v1';
