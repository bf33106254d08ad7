/**
 * The API's Content-Security-Policy: it serves JSON, never a page, so nothing may load, frame or
 * submit anything (OWASP REST Security cheat sheet).
 */
export const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** Swagger UI (`/v2/docs`): its own scripts, styles and images, inline styles, nothing foreign. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The small server-rendered pages (unsubscribe): inline styles, forms posting to themselves. */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; " +
  "base-uri 'none'; form-action 'self'";

/**
 * A relaxed policy for the answers that are HTML pages (undefined: keep the strict API policy set
 * by helmet).
 */
export function contentSecurityPolicyFor(
  url: string,
  contentType: string | number | string[] | undefined,
): string | undefined {
  if (!String(contentType ?? '').startsWith('text/html') && !url.startsWith('/v2/docs'))
    return undefined;
  return url.startsWith('/v2/docs') ? DOCS_CSP : PAGE_CSP;
}
