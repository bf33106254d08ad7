import fc from 'fast-check';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

// OpenAPI-driven fuzzing: every operation of the served /v2 document, driven as a signed-in user
// with generated hostile values (path, query, body), must answer without a 5xx, and every error
// must be problem+json with a status the operation documents. A smaller pass over /v1 asserts no
// 5xx. Seeded, so a failure replays.

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
  bodyProperties: string[] | undefined;
  statuses: Set<string>;
}

const SEED = 20261205;
const RUNS_PER_OPERATION = 25;

/** Statuses the HTTP layer may answer on any route, whatever the operation documents. */
const FRAMEWORK_STATUSES = new Set(['400', '413', '415', '429']);

/** Percent-encodes a value; a lone surrogate becomes the invalid UTF-8 bytes %ED%A0%80. */
const encodePart = (value: string) =>
  value
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const nest = (depth: number): unknown => (depth === 0 ? 'x' : [nest(depth - 1)]);

const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    'x'.repeat(3000),
    "'; DROP TABLE users;--",
    '../../etc/passwd',
    '%00',
    '\ud800',
    '-1',
    '1e308',
    'NaN',
    'true',
    '00000000-0000-0000-0000-000000000000',
    '01a24894-1026-7764-a1db-98e244a73f97',
    'garbage!!',
    cursor(['x', 'y']),
    cursor(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
    cursor([1e308]),
    '',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 63, 1.5, Number.MAX_SAFE_INTEGER, true, false, null),
  fc.constantFrom(nest(100), { a: nest(70) }, [], {}, ['\u0000'], { ['k\u0000']: 1 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function operationsOf(document: any): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const resolved = schema?.$ref
        ? document.components.schemas[schema.$ref.split('/').pop()]
        : schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        bodyProperties: op.requestBody ? Object.keys(resolved?.properties ?? {}) : undefined,
        statuses: new Set(Object.keys(op.responses ?? {})),
      });
    }
  }
  return operations;
}

function requestArbitrary(op: Operation, realIds: string[]) {
  const pathValue = fc.oneof(hostileString, fc.constantFrom(...realIds));
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  return fc
    .record({
      path: fc.tuple(...pathParams.map(() => pathValue)),
      query: fc.tuple(...queryParams.map(() => fc.option(hostileValue, { nil: undefined }))),
      body:
        op.bodyProperties === undefined
          ? fc.constant(undefined)
          : fc.oneof(
              hostileValue,
              fc.record(Object.fromEntries(op.bodyProperties.map((name) => [name, hostileValue])), {
                requiredKeys: [],
              }),
            ),
    })
    .map(({ path, query, body }) => {
      let url = op.path;
      pathParams.forEach((param, i) => {
        url = url.replace(`{${param.name}}`, encodePart(String(path[i])));
      });
      const search = new URLSearchParams();
      queryParams.forEach((param, i) => {
        const value = query[i];
        if (value !== undefined)
          search.set(param.name, typeof value === 'string' ? value : JSON.stringify(value));
      });
      const qs = search.toString();
      return { url: qs ? `${url}?${qs}` : url, body };
    });
}

describe('OpenAPI-driven fuzzing', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let user: TestClient;
  let realIds: string[];

  beforeAll(async () => {
    platform = await startTestPlatform(platformFeatures);
    anon = new TestClient(platform.baseUrl);
    const signUp = await signUpAndLogIn(anon, {
      email: `fuzz-${Date.now()}@example.com`,
      password: 'a-long-enough-password',
      name: 'Fuzz',
    });
    user = anon.as(signUp.body.accessToken);
    const project = await user.post(`/v2/teams/${signUp.body.teamId}/projects`, { name: 'P' });
    realIds = [signUp.body.accountId, signUp.body.teamId, signUp.body.user.id, project.body.id];
    if (project.body.rootAssetId) realIds.push(project.body.rootAssetId);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('drives every documented /v2 operation with hostile values: no 5xx, documented problems', async () => {
    const document = (await anon.get('/v2/openapi.json')).body;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);
    let tried = 0;
    const serverErrors: string[] = [];
    const undocumented: string[] = [];
    for (const [index, op] of operations.entries()) {
      // Signing out or deleting the account would end the session the rest runs under.
      const client = /auth\/logout|auth\/refresh/.test(op.path) ? anon : user;
      const samples = fc.sample(requestArbitrary(op, realIds), {
        seed: SEED + index,
        numRuns: RUNS_PER_OPERATION,
      });
      for (const { url, body } of samples) {
        tried += 1;
        const res = await client.request(op.method, url, body);
        const where = `${op.method} ${url.slice(0, 120)} → ${res.status}`;
        if (res.status >= 500) serverErrors.push(`${where} ${JSON.stringify(body)?.slice(0, 300)}`);
        else if (res.status >= 400) {
          const problem = String(res.headers.get('content-type')).includes(
            'application/problem+json',
          );
          const documented =
            op.statuses.has(String(res.status)) || FRAMEWORK_STATUSES.has(String(res.status));
          if (!problem || !documented) undocumented.push(where);
        }
      }
    }
    console.log(
      `/v2 fuzz: ${operations.length} operations, ${tried} requests tried, ${serverErrors.length} × 5xx, ${undocumented.length} undocumented errors`,
    );
    expect({ serverErrors, undocumented }).toEqual({ serverErrors: [], undocumented: [] });
  });

  it('drives the /v1 routes with hostile values: no 5xx', async () => {
    const token = (user as unknown as { token: string }).token;
    const routes = [
      ['GET', '/v1/me'],
      ['GET', '/v1/accounts/{id}'],
      ['GET', '/v1/teams/{id}'],
      ['GET', '/v1/projects/{id}'],
      ['GET', '/v1/projects/{id}/assets'],
      ['GET', '/v1/assets/{id}'],
      ['GET', '/v1/assets/{id}/children'],
      ['POST', '/v1/assets/{id}/children'],
      ['PUT', '/v1/assets/{id}'],
      ['GET', '/v1/assets/{id}/comments'],
      ['POST', '/v1/assets/{id}/comments'],
      ['PUT', '/v1/comments/{id}'],
      ['POST', '/v1/sessions'],
    ];
    let tried = 0;
    const serverErrors: string[] = [];
    for (const [index, [method, path]] of routes.entries()) {
      const samples = fc.sample(
        fc.record({
          id: fc.oneof(hostileString, fc.constantFrom(...realIds)),
          body: fc.oneof(
            hostileValue,
            fc.dictionary(
              fc.constantFrom('name', 'text', 'email', 'password', 'type', 'timestamp', 'label'),
              hostileValue,
            ),
          ),
        }),
        { seed: SEED + 1000 + index, numRuns: RUNS_PER_OPERATION },
      );
      for (const { id, body } of samples) {
        tried += 1;
        const url = path.replace('{id}', encodePart(String(id)));
        const res = await anon.request(method, url, method === 'GET' ? undefined : body, {
          authorization: `Token token="${token}"`,
        });
        if (res.status >= 500) serverErrors.push(`${method} ${url.slice(0, 120)} → ${res.status}`);
        else if (res.status >= 400)
          expect(res.body).toEqual({ error: expect.any(String), code: expect.any(String) });
      }
    }
    console.log(
      `/v1 fuzz: ${routes.length} routes, ${tried} requests tried, ${serverErrors.length} × 5xx`,
    );
    expect(serverErrors).toEqual([]);
  });
});
