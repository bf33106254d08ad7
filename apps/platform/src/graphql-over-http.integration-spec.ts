import { serverAudits } from 'graphql-http';
import { startTestPlatform, TestPlatform } from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

// The GraphQL-over-HTTP spec's audit suite (graphql-http) against the running server: every
// MUST passes, so standard clients (Apollo Client, urql, graphql-request) get the spec's status
// codes and media types.

describe('GraphQL over HTTP', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(platformFeatures);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('answers application/graphql-response+json with 4xx and no data for refused requests', async () => {
    const post = (accept: string) =>
      fetch(`${platform.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: '{ nope }' }),
      });
    const modern = await post('application/graphql-response+json');
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toContain('application/graphql-response+json');
    const body = (await modern.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.any(String) })]);
    const classic = await post('application/json');
    expect(classic.headers.get('content-type')).toContain('application/json');
    expect(await classic.json()).toHaveProperty('data', null);
    const ok = await fetch(`${platform.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/graphql-response+json');
  });

  it('passes every MUST audit of graphql-http', async () => {
    const results: { id: string; name: string; status: string; reason?: string }[] = [];
    for (const audit of serverAudits({ url: `${platform.baseUrl}/graphql`, fetchFn: fetch })) {
      const result = await audit.fn();
      results.push({
        id: audit.id,
        name: audit.name,
        status: result.status,
        ...(result.status !== 'ok' ? { reason: result.reason } : {}),
      });
    }
    const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok');
    const notes = results.filter((r) => !r.name.startsWith('MUST') && r.status !== 'ok');
    console.log(
      `graphql-http audits: ${results.length} run, ${results.filter((r) => r.status === 'ok').length} ok\n` +
        [...failedMusts, ...notes]
          .map((r) => `${r.status} ${r.name}: ${r.reason ?? ''}`)
          .join('\n'),
    );
    expect(failedMusts).toEqual([]);
    // application/graphql-response+json is accepted and answered in kind.
    expect(results.find((r) => r.id === '47DE')?.status ?? 'ok').toBe('ok');
    expect(
      results.filter((r) => /graphql-response\+json/.test(r.name) && r.status !== 'ok'),
    ).toEqual([]);
  });
});
