import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Client } from 'pg';
import { platformFeatures } from './platform.features';

/**
 * The HTTP edge of docs/security.md: client IPs from trusted proxies only, security headers,
 * no-store, CORS by configured origin, and secrets kept out of the request log.
 */
describe('security at the HTTP edge', () => {
  const logLines: string[] = [];
  let direct: TestPlatform; // no proxy trusted, no CORS origin (the defaults)
  let proxied: TestPlatform; // behind a proxy on 127.0.0.1, one allowed origin
  let anon: TestClient;
  let behindProxy: TestClient;

  beforeAll(async () => {
    direct = await startTestPlatform(
      platformFeatures,
      { LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_MAX_FAILURES_PER_EMAIL: '50', LOG_LEVEL: 'info' },
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
    proxied = await startTestPlatform(platformFeatures, {
      TRUSTED_PROXIES: '127.0.0.1/32',
      CORS_ORIGINS: 'https://app.example.com',
    });
    anon = new TestClient(direct.baseUrl);
    behindProxy = new TestClient(proxied.baseUrl);
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  const eventIps = async (platform: TestPlatform, email: string): Promise<string[]> => {
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ ip: string }>(
        `SELECT e.ip FROM events e JOIN users u ON u.id::text = e.subject_id WHERE u.email = $1`,
        [email],
      );
      return rows.map((r) => r.ip);
    } finally {
      await db.end();
    }
  };

  const signUpWith = (client: TestClient, email: string, forwardedFor: string) =>
    client.request(
      'POST',
      '/v2/auth/signup',
      { email, password: 'a-long-enough-password', name: 'Ip' },
      { 'x-forwarded-for': forwardedFor },
    );

  it('ignores a spoofed X-Forwarded-For: the login throttle and the audit trail see the socket', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await anon.request(
        'POST',
        '/v2/auth/login',
        { email: `nobody-${i}@example.com`, password: 'wrong-password' },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      expect(res.status).toBe(401);
    }
    // A fresh forged address does not buy a fresh budget: the IP is still 127.0.0.1.
    const forged = await anon.request(
      'POST',
      '/v2/auth/login',
      { email: 'nobody-9@example.com', password: 'wrong-password' },
      { 'x-forwarded-for': '198.51.100.99' },
    );
    expect(forged.status).toBe(429);

    const email = `spoof-${Date.now()}@example.com`;
    expect((await signUpWith(anon, email, '6.6.6.6')).status).toBe(202);
    const ips = await eventIps(direct, email);
    expect(ips.length).toBeGreaterThan(0);
    expect(ips.every((ip) => ip === '127.0.0.1')).toBe(true);
  });

  it('believes X-Forwarded-For from a trusted proxy, taking the nearest untrusted hop', async () => {
    const email = `proxied-${Date.now()}@example.com`;
    // The client prepended a forged hop; the proxy appended the address it saw.
    expect((await signUpWith(behindProxy, email, '6.6.6.6, 203.0.113.7')).status).toBe(202);
    const ips = await eventIps(proxied, email);
    expect(ips.length).toBeGreaterThan(0);
    expect(ips.every((ip) => ip === '203.0.113.7')).toBe(true);
  });

  it('sends security headers and no-store on API answers, a relaxed CSP only for the docs page', async () => {
    const login = await anon.post('/v2/auth/login', {
      email: 'nobody@example.com',
      password: 'x-wrong-password',
    });
    for (const res of [login, await anon.get('/v2/me'), await anon.get('/health/live')]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    const docs = await anon.get('/v2/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(docs.headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });

  it('answers CORS only for configured origins (none by default)', async () => {
    const preflight = (client: TestClient, origin: string) =>
      client.request('OPTIONS', '/v2/me', undefined, {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      });
    const byDefault = await preflight(anon, 'https://app.example.com');
    expect(byDefault.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await preflight(behindProxy, 'https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await preflight(behindProxy, 'https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps the review-link password, tokens and credentials out of the request log', async () => {
    logLines.length = 0;
    await anon.request(
      'GET',
      '/v1/review_links/no-such-code?password=hunter2-secret&x=1',
      undefined,
      {
        authorization: 'Bearer sekrit-token-value',
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = logLines.join('');
    expect(log).toContain('/v1/review_links/no-such-code?password=[redacted]&x=1');
    expect(log).not.toContain('hunter2-secret');
    expect(log).not.toContain('sekrit-token-value');
  });
});
