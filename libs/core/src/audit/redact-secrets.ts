/** Keys whose values are never stored outside their own table: credentials and their hashes. */
export const SECRET_KEY = /password|secret|token|hash/i;

/**
 * A copy of a JSON-like value without any property whose key looks like a secret, at any depth
 * (arrays included). Payloads are not supposed to carry secrets at all; this is the second line
 * of defence for the audit log and analytics, which keep data for a long time and ship it away.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const kept: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!SECRET_KEY.test(key)) kept[key] = redactSecrets(inner);
    }
    return kept;
  }
  return value;
}
