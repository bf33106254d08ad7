/** Query parameters whose values are secrets (review-link passwords, tokens) and never logged. */
const SECRET_QUERY_PARAMS =
  /^(password|pass|token|access_?token|refresh_?token|api_?key|secret|code_verifier)$/i;

/**
 * Where secrets sit in what the app logs (pino `redact` paths): credentials in headers, bodies
 * and any object someone logs.
 */
export const SECRET_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-review-password"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-review-password"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  'password',
  'token',
  'accessToken',
  'refreshToken',
] as const;

/** The URL with the values of secret query parameters replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // a malformed name is logged as it came
      }
      return eq >= 0 && SECRET_QUERY_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}
