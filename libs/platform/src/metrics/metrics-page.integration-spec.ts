import { startTestPlatform, TestPlatform } from '../testing';

/** GET /metrics: the in-memory page in development, Prometheus' exposition when asked for. */
describe('the /metrics endpoint', () => {
  const platforms: TestPlatform[] = [];
  afterAll(async () => {
    for (const p of platforms) await p.close();
  });

  async function scrape(env: Record<string, string>) {
    const platform = await startTestPlatform([], { METRICS_INSTANCE: 'page-test', ...env });
    platforms.push(platform);
    expect((await fetch(`${platform.baseUrl}/health/live`)).status).toBe(200);
    const response = await fetch(`${platform.baseUrl}/metrics`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  }

  it('with no sink configured, development shows the in-memory metrics', async () => {
    const page = await scrape({});
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/plain/);
    expect(page.text).toContain(
      'dailies.http.request.duration.count{app="platform",instance="page-test",method="GET",route="/health/live",status_class="2xx"} 1',
    );
    // Collected at the request: the pools and the process.
    expect(page.text).toMatch(
      /^dailies\.db\.pool\.in_use\{app="platform",instance="page-test",pool="prisma"\} \d+$/m,
    );
    expect(page.text).toMatch(
      /^dailies\.process\.heap\.used_bytes\{app="platform",instance="page-test"\} \d+$/m,
    );
    expect(page.text).toMatch(
      /^dailies\.events\.consumer\.queue_depth\{app="platform",instance="page-test",consumer="audit"\} \d+$/m,
    );
  });

  it('METRICS_PROMETHEUS=true serves Prometheus text format (prom-client)', async () => {
    const page = await scrape({ METRICS_PROMETHEUS: 'true' });
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(page.text).toContain('# TYPE dailies_http_request_duration summary');
    expect(page.text).toContain(
      'dailies_http_request_duration_count{method="GET",route="/health/live",status_class="2xx",app="platform",instance="page-test"} 1',
    );
    expect(page.text).toMatch(
      /^dailies_db_pool_in_use\{pool="prisma",app="platform",instance="page-test"\} \d+$/m,
    );
  });
});
