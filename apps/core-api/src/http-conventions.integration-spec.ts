import { registeredRoutes } from '@dailies/http';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { signUp } from './testing/fixtures';

describe('HTTP conventions', () => {
  let platform: TestPlatform;
  let anon: TestClient;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
  });
  afterAll(async () => {
    await platform.close();
  });

  const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status,
      title: expect.any(String),
      detail: expect.any(String),
      type: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  };

  it('answers malformed JSON, wrong media types and huge bodies with 400, 415 and 413', async () => {
    expectProblem(
      await anon.request('POST', '/v2/auth/login', '{"email":', {
        'content-type': 'application/json',
      }),
      400,
    );
    expectProblem(
      await anon.request('POST', '/v2/auth/login', 'email=a', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
    );
    expectProblem(
      await anon.request('POST', '/v2/auth/login', 'plain', { 'content-type': 'text/plain' }),
      415,
    );
    const huge = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024 + 10) });
    expectProblem(await anon.request('POST', '/v2/auth/login', huge), 413);
    expectProblem(await anon.post('/v2/auth/login', [1, 2]), 400);
  });

  it('names each invalid field', async () => {
    const res = await anon.post('/v2/auth/signup', {
      email: 'not-an-email',
      password: 12,
      name: 'x',
    });
    expectProblem(res, 400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email' }),
        expect.objectContaining({ field: 'password' }),
      ]),
    );
  });

  it('needs a Bearer token and says how to send one', async () => {
    expectProblem(await anon.get('/v2/me'), 401);
    expectProblem(await anon.get('/v2/me', { authorization: 'Basic abc' }), 401);
    expectProblem(await anon.as('not-a-token').get('/v2/me'), 401);
  });

  it('treats malformed ids as not found, never as a server error', async () => {
    const user = await signUp(anon, 'Prober');
    for (const path of [
      '/v2/accounts/xyz',
      "/v2/teams/'; DROP TABLE users;--",
      '/v2/accounts/5f1c0c0c0c0c0c0c0c0c0c0c/members',
    ]) {
      expectProblem(await user.client.get(path), 404);
    }
  });

  it('echoes or makes a request id', async () => {
    const given = await anon.get('/health/live', { 'x-request-id': 'trace-abc-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-abc-123');
    const made = await anon.get('/health/live');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await anon.get('/health/live', { 'x-request-id': 'has spaces and $$$' });
    expect(bad.headers.get('x-request-id')).not.toBe('has spaces and $$$');
  });

  it('reports readiness with the database and event-system checks', async () => {
    const ready = await anon.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.checks.database).toEqual({ status: 'ok' });
    expect(ready.body.checks.events.status).toBe('ok');
  });

  it('describes every route in OpenAPI 3.1 and serves the docs page', async () => {
    const doc = await anon.get('/v2/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.body.paths)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const routes = registeredRoutes(platform.app).filter((r) => !r.startsWith('HEAD'));
    const v2Routes = routes.filter(
      (r) => / \/v2\//.test(r) && !r.includes('/v2/docs') && !r.includes('/v2/openapi'),
    );
    expect(v2Routes.length).toBeGreaterThan(20);
    for (const route of v2Routes) expect(documented).toContain(route);
    const signup = doc.body.paths['/v2/auth/signup'].post;
    expect(signup.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'email',
    );
    const docs = await anon.get('/v2/docs');
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toContain('swagger');
  });
});
