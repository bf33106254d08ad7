import { ApiV2Module } from '@dailies/api-v2';
import { REVIEW_PASSWORD_MAX_FAILURES, REVIEW_PASSWORD_MAX_FAILURES_PER_LINK } from '@dailies/core';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Client } from 'pg';
import { signUp } from './testing/fixtures';

/**
 * Throttles count before they judge (AttemptBudgets). The platform trusts 127.0.0.1 as its proxy,
 * so X-Forwarded-For stands for the client's address and one test can speak from many IPs.
 */
describe('throttles under parallel guessing', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let db: Client;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module], {
      TRUSTED_PROXIES: '127.0.0.1',
      LOGIN_MAX_FAILURES_PER_EMAIL: '5',
      LOGIN_MAX_FAILURES_PER_IP: '40',
      LOGIN_MAX_FAILURES_PER_USER: '20',
    });
    anon = new TestClient(platform.baseUrl);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  const login = (email: string, password: string, ip: string) =>
    anon.request('POST', '/v2/auth/login', { email, password }, { 'x-forwarded-for': ip });

  it('evaluates at most 5 of 12 parallel wrong passwords; the victim still signs in from elsewhere', async () => {
    const victim = await signUp(anon, 'Victim');
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => login(victim.email, 'wrong-password', '198.51.100.1')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    // Blocked at that address, even with the right password …
    const attacker = await login(victim.email, victim.password, '198.51.100.1');
    expect(attacker.status).toBe(429);
    expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(0);
    // … while the victim signs in from their own address.
    const own = await login(victim.email, victim.password, '203.0.113.50');
    expect(own.status).toBe(200);
    expect(own.body.accessToken).toEqual(expect.any(String));
  });

  it('50 wrong passwords from 10 addresses are throttled account-wide; the victim still signs in from a known address', async () => {
    const victim = await signUp(anon, 'Targeted');
    const home = '203.0.113.7';
    // The victim has signed in from home before: that address is known for them.
    expect((await login(victim.email, victim.password, home)).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++)
      for (let attempt = 0; attempt < 5; attempt++)
        statuses.push((await login(victim.email, 'wrong-password', `192.0.2.${i}`)).status);
    // Each address stays within its own budget (5), yet the account-wide budget for unknown
    // addresses (20) stops the guessing: 20 evaluated, the other 30 refused unevaluated.
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);

    // A new address is refused even with the right password, with a delay to wait …
    const fromNew = await login(victim.email, victim.password, '198.51.100.77');
    expect(fromNew.status).toBe(429);
    expect(Number(fromNew.headers.get('retry-after'))).toBeGreaterThan(0);
    // … the attacker cannot lock the victim out of their known address …
    const fromHome = await login(victim.email, victim.password, home);
    expect(fromHome.status).toBe(200);
    expect(fromHome.body.accessToken).toEqual(expect.any(String));
    // … and a wrong password from home is judged on its own budget (401, not 429).
    expect((await login(victim.email, 'wrong-password', home)).status).toBe(401);

    // Once the block has passed, a new address may try again.
    await db.query(
      `UPDATE login_throttles SET blocked_until = now() - interval '1 second' WHERE key = $1`,
      [`login:account:${victim.email}:unknown-sources`],
    );
    expect((await login(victim.email, victim.password, '198.51.100.77')).status).toBe(200);
    const known = await db.query(
      `SELECT ip FROM login_known_sources WHERE user_id = $1 ORDER BY ip`,
      [victim.userId],
    );
    // (127.0.0.1: the fixture's sign-in right after sign-up.)
    expect(known.rows.map((r) => r.ip)).toEqual(['127.0.0.1', '198.51.100.77', home]);
  });

  it('blocks longer each time the budget is spent again (exponential delay)', async () => {
    const user = await signUp(anon, 'Doubling');
    const ip = '198.51.100.2';
    for (let i = 0; i < 5; i++) await login(user.email, 'wrong-password', ip);
    const first = Number(
      (await login(user.email, 'wrong-password', ip)).headers.get('retry-after'),
    );
    // The block ends (as if the window passed); the next failure blocks twice as long.
    await db.query(
      `UPDATE login_throttles SET blocked_until = now() - interval '1 second' WHERE key LIKE $1`,
      [`login:account:${user.email}:ip:${ip}`],
    );
    expect((await login(user.email, 'wrong-password', ip)).status).toBe(401);
    const second = Number(
      (await login(user.email, 'wrong-password', ip)).headers.get('retry-after'),
    );
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThanOrEqual(first * 2 - 2);
  });

  it('limits review-link passwords per link and IP, per link across IPs, and refuses unevaluated', async () => {
    const owner = await signUp(anon, 'Link Owner');
    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, { name: 'P' });
    const file = await owner.client.post(`/v2/assets/${project.body.rootAssetId}/children`, {
      type: 'file',
      name: 'cut.mov',
      filetype: 'video/mp4',
      filesize: 10,
    });
    const newLink = async () =>
      (
        await owner.client.post(`/v2/projects/${project.body.id}/review-links`, {
          name: 'Client',
          assetIds: [file.body.id],
          password: 'the right password',
        })
      ).body as { id: string; shortCode: string };
    const open = (code: string, password: string, ip: string) =>
      anon.request('GET', `/v2/review/${code}`, undefined, {
        'x-review-password': password,
        'x-forwarded-for': ip,
      });

    const link = await newLink();
    const guesses = await Promise.all(
      Array.from({ length: REVIEW_PASSWORD_MAX_FAILURES + 6 }, () =>
        open(link.shortCode, 'a wrong guess', '198.51.100.3'),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(REVIEW_PASSWORD_MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    // Another address with the right password is not blocked by that IP's guesses.
    expect((await open(link.shortCode, 'the right password', '203.0.113.9')).status).toBe(200);

    // Per link, across addresses: one guess short of the link's budget (as if many IPs guessed).
    const spread = await newLink();
    await db.query(`INSERT INTO login_throttles (key, failures) VALUES ($1, $2)`, [
      `review-link:${spread.id}`,
      REVIEW_PASSWORD_MAX_FAILURES_PER_LINK - 1,
    ]);
    expect((await open(spread.shortCode, 'guess', '192.0.2.1')).status).toBe(401);
    expect((await open(spread.shortCode, 'guess', '192.0.2.2')).status).toBe(429);
  });
});
