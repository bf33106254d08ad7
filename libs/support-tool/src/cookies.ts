import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'dly_support';
export const LOGIN_CSRF_COOKIE = 'dly_support_login';

/**
 * Reading two cookies of our own and writing them with fixed attributes is a few lines; a cookie
 * plugin (@fastify/cookie) would apply to every transport of the shared Fastify instance.
 */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** httpOnly, SameSite=Strict, scoped to /support; Secure unless configured off. */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean },
): void {
  const attributes = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/support',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ];
  void reply.header('set-cookie', attributes.join('; '));
}
