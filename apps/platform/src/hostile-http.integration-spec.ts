import { connect } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { request as httpRequest } from 'node:http';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

interface SignedUpUser {
  client: TestClient;
  accessToken: string;
  accountId: string;
  teamId: string;
}

async function signUp(anon: TestClient): Promise<SignedUpUser> {
  const res = await signUpAndLogIn(anon, {
    email: `hostile-${Date.now()}@example.com`,
    password: 'a-long-enough-password',
    name: 'Hostile',
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status}`);
  const { accessToken, accountId, teamId } = res.body;
  return { client: anon.as(accessToken), accessToken, accountId, teamId };
}

// Hostile HTTP input on every transport: a clear 4xx in the transport's own error shape, never a
// 5xx. Real HTTP against the platform (/v2, /v1 and /graphql in one process).

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A raw request with a huge header or URL (fetch refuses some of these on its side). */
function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any }>(
    (resolve, reject) => {
      const req = httpRequest(`${baseUrl}${path}`, { headers, maxHeaderSize: 64 * 1024 }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('Hostile HTTP input', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let user: SignedUpUser;

  beforeAll(async () => {
    platform = await startTestPlatform(platformFeatures);
    anon = new TestClient(platform.baseUrl);
    user = await signUp(anon);
  });
  afterAll(async () => {
    await platform.close();
  });

  const expectProblem = (res: Answer, status: number, detail?: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
    if (detail) expect(res.body.detail).toMatch(detail);
  };
  const expectLegacy = (res: Answer, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toEqual({ error: expect.any(String), code });
  };
  const v1Auth = () => ({ authorization: `Token token="${user.accessToken}"` });

  it('refuses NUL characters in bodies, queries and paths with 400 (/v2, /v1, /graphql)', async () => {
    const projects = `/v2/teams/${user.teamId}/projects`;
    expectProblem(await user.client.post(projects, { name: 'a\u0000b' }), 400, /NUL/);
    expectProblem(await user.client.post(projects, { ['k\u0000']: 'x', name: 'ok' }), 400, /NUL/);
    expectProblem(await user.client.get('/v2/me/notifications?unread=%00'), 400, /NUL/);
    expectProblem(await user.client.get('/v2/projects/ab%00cd'), 400, /NUL/);
    expectLegacy(
      await anon.request('POST', '/v1/sessions', { email: 'x\u0000@example.com', password: 'p' }),
      422,
      'invalid',
    );
    expectLegacy(await anon.get('/v1/projects/%00', v1Auth()), 422, 'invalid');
    const gql = await user.client.post('/graphql', {
      query: 'mutation($n: String!) { __typename }',
      variables: { n: '\u0000' },
    });
    expect(gql.status).toBe(400);
    // Nothing was stored.
    const list = await user.client.get(projects);
    expect(list.body.data).toEqual([]);
  });

  it('refuses JSON nested deeper than 64 levels with 400, and accepts 64', async () => {
    const projects = `/v2/teams/${user.teamId}/projects`;
    for (const body of [deepArray(5000), deepObject(65), `{"name":"x","p":${deepArray(100)}}`])
      expectProblem(await user.client.request('POST', projects, body), 400, /nested at most 64/);
    // 64 levels pass the guard and reach the use case (which refuses the shape as usual).
    const atLimit = await user.client.request('POST', projects, deepObject(64));
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.detail).not.toMatch(/nested/);
    expectLegacy(await anon.request('POST', '/v1/sessions', deepArray(1000)), 422, 'invalid');
    const gql = await user.client.request(
      'POST',
      '/graphql',
      `{"query":"{ __typename }","variables":${deepObject(200)}}`,
    );
    expect(gql.status).toBe(400);
  });

  it('answers URLs over 8 KB with 414 and headers over 16 KB with 431, per transport', async () => {
    const long = 'a'.repeat(9000);
    expectProblem(await user.client.get(`/v2/me?x=${long}`), 414, /8192/);
    expectLegacy(await anon.get(`/v1/projects?x=${long}`), 422, 'invalid');
    // Past Node's 16 KB head limit the parser refuses the request; still the transport's shape.
    const huge = await rawGet(platform.baseUrl, `/v2/me?x=${'a'.repeat(20_000)}`);
    expect(huge.status).toBe(414);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    expect(huge.body).toMatchObject({ status: 414, title: 'URI too long' });
    const bigHeader = await rawGet(platform.baseUrl, '/v2/me', { 'x-big': 'h'.repeat(20_000) });
    expect(bigHeader.status).toBe(431);
    expect(bigHeader.headers['content-type']).toContain('application/problem+json');
    expect(bigHeader.body).toMatchObject({ status: 431 });
    const legacyHeader = await rawGet(platform.baseUrl, '/v1/me', { 'x-big': 'h'.repeat(20_000) });
    expect(legacyHeader.status).toBe(422);
    expect(legacyHeader.body).toEqual({ error: expect.any(String), code: 'invalid' });
  });

  it('answers a wrong method on a known route with 405 and Allow; unknown routes 404', async () => {
    const res = await user.client.request('PUT', '/v2/me');
    expectProblem(res, 405, /PUT is not allowed/);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const project = await user.client.request('POST', `/v2/projects/${user.teamId}`, {});
    expectProblem(project, 405);
    expect(project.headers.get('allow')).toEqual(expect.stringContaining('PATCH'));
    expectProblem(await user.client.get('/v2/no-such-thing'), 404);
    // /v1 keeps its legacy contract: an unknown method is `not_found`.
    const legacy = await anon.request('DELETE', '/v1/me', undefined, v1Auth());
    expectLegacy(legacy, 404, 'not_found');
    expectLegacy(await anon.get('/v1/no-such-thing'), 404, 'not_found');
  });

  it('answers framework errors (413, 415, bad JSON) in each transport shape', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    expectProblem(await user.client.request('POST', `/v2/teams/${user.teamId}/projects`, big), 413);
    expectLegacy(await anon.request('POST', '/v1/sessions', big), 422, 'invalid');
    expectProblem(
      await user.client.request('POST', '/v2/auth/login', 'a=b', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
    );
    expectLegacy(
      await anon.request('POST', '/v1/sessions', 'a=b', {
        ...v1Auth(),
        'content-type': 'application/x-www-form-urlencoded',
      }),
      422,
      'invalid',
    );
  });

  it('refuses hand-made and garbled pagination cursors with 400', async () => {
    const lists = [
      `/v2/teams/${user.teamId}/projects`,
      '/v2/accounts',
      '/v2/me/notifications',
      `/v2/accounts/${user.accountId}/members`,
      '/v2/me/api-tokens',
    ];
    const cursors = [
      'garbage!!',
      cursorOf({ id: 'x' }),
      cursorOf(['not-a-date', 'not-a-uuid']),
      cursorOf([1e308, -1]),
      cursorOf(['\u0000', '\u0000']),
      cursorOf(['x']),
      'x'.repeat(600),
    ];
    for (const list of lists)
      for (const cursor of cursors) {
        const res = await user.client.get(`${list}?cursor=${encodeURIComponent(cursor)}`);
        expect({ list, cursor, status: res.status }).toEqual({ list, cursor, status: 400 });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
  });

  it('answers malformed GraphQL requests as BAD_REQUEST client errors, never INTERNAL', async () => {
    const cases: [string, string | object][] = [
      ['bad JSON', '{"query": '],
      ['no query', {}],
      ['syntax error', { query: '{ me ' }],
      ['wrong variables', { query: 'query($n: Int!) { __typename }', variables: { n: 'x' } }],
    ];
    for (const [name, body] of cases) {
      const res = await user.client.request('POST', '/graphql', body);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      const codes = (res.body.errors as { extensions: { code: string } }[]).map(
        (e) => e.extensions.code,
      );
      expect({ name, codes }).toEqual({
        name,
        codes: expect.not.arrayContaining(['INTERNAL_SERVER_ERROR']),
      });
    }
    const refused = await user.client.request('POST', '/graphql', '{"query": ');
    expect(refused.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a 1 KB fragment fan-out fast (fragments costed once)', async () => {
    const parts = ['{ ...F0 }'];
    for (let i = 0; i < 17; i += 1)
      parts.push(
        `fragment F${i} on Query { __typename ${i < 16 ? `...F${i + 1} `.repeat(4) : ''}}`,
      );
    const query = parts.join('\n');
    expect(query.length).toBeLessThan(1100);
    const started = performance.now();
    const res = await user.client.post('/graphql', { query });
    expect(performance.now() - started).toBeLessThan(200);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers the standard introspection query and serves GraphiQL outside production', async () => {
    const res = await user.client.post('/graphql', {
      query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.__schema.queryType.name).toBe('Query');
    const page = await fetch(`${platform.baseUrl}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('caps aliases, directives, fragment spreads and tokens with a 400', async () => {
    const documents = [
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
      `{ __typename ${'@include(if: true) '.repeat(30)} }`,
      `{ ...F ${'...F '.repeat(150)} } fragment F on Query { __typename }`,
      `{ ${'__typename '.repeat(6000)} }`,
    ];
    for (const query of documents) {
      const res = await user.client.post('/graphql', { query });
      expect({ query: query.slice(0, 30), status: res.status }).toEqual({
        query: query.slice(0, 30),
        status: 400,
      });
      const codes = (res.body.errors as { extensions: { code: string } }[]).map(
        (e) => e.extensions.code,
      );
      expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
      expect(codes.length).toBeGreaterThan(0);
    }
  });

  it('answers a request Node cannot parse with 400 and closes the connection', async () => {
    const { port } = new URL(platform.baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });
});
