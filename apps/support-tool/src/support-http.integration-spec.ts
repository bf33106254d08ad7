import { Client } from 'pg';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { SupportToolModule } from '@dailies/support-tool';
import { createStaff, FormClient, TestStaff } from './testing/staff-client';

/** The Support Tool over plain HTTP: sign-in with TOTP, cookies, CSRF, roles, errors. */
describe('support tool over HTTP', () => {
  let platform: TestPlatform;
  let db: Client;
  let support: TestStaff;
  let admin: TestStaff;
  let customer: { userId: string; email: string };

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module, SupportToolModule]);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    support = await createStaff(platform, db, 'support');
    admin = await createStaff(platform, db, 'admin');
    const email = `carol-${Date.now()}@example.com`;
    const res = await new TestClient(platform.baseUrl).post('/v2/auth/signup', {
      email,
      password: 'a-long-enough-password',
      name: 'Carol Customer',
    });
    customer = { userId: res.body.user.id, email };
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const res = await new FormClient(platform.baseUrl).get('/support/search?q=carol');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/support/login?next=${encodeURIComponent('/support/search?q=carol')}`,
    );
  });

  it('signs in only with a valid code; the session cookie is httpOnly, Secure, SameSite=Strict', async () => {
    const browser = new FormClient(platform.baseUrl);
    const wrong = await browser.signIn(support, '000000');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('E-mail, password or code is incorrect');
    expect(browser.cookie('dly_support')).toBeUndefined();

    const page = await browser.get('/support/login');
    const res = await fetch(`${platform.baseUrl}/support/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `dly_support_login=${browser.cookie('dly_support_login')}`,
      },
      body: new URLSearchParams({
        _csrf: FormClient.csrfOf(page.text),
        email: support.email,
        password: support.password,
        code: (await import('@dailies/core')).totpCode(support.secret),
        next: 'https://evil.example/phish',
      }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/support/search'); // never off-site
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dly_support='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/support/);
  });

  it('refuses a sign-in form that did not come from the sign-in page', async () => {
    const res = await new FormClient(platform.baseUrl).post('/support/login', {
      _csrf: 'forged',
      email: support.email,
      password: support.password,
      code: '123456',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('searches users by e-mail and locks one only with the CSRF token and a reason', async () => {
    // A TOTP code signs in once: each sign-in of these tests is a staff member of its own.
    const browser = new FormClient(platform.baseUrl);
    expect((await browser.signIn(await createStaff(platform, db, 'support'))).status).toBe(303);
    const found = await browser.get(`/support/search?q=${encodeURIComponent(customer.email)}`);
    expect(found.status).toBe(200);
    expect(found.text).toContain(`/support/users/${customer.userId}`);

    const userPage = await browser.get(`/support/users/${customer.userId}`);
    expect(userPage.text).toContain('Carol Customer');
    const csrf = FormClient.csrfOf(userPage.text);
    const status = async () =>
      (await db.query('SELECT status FROM users WHERE id = $1', [customer.userId])).rows[0].status;

    const forged = await browser.post(`/support/users/${customer.userId}/lock`, {
      reason: 'Ticket 7',
    });
    expect(forged.status).toBe(403);
    const noReason = await browser.post(`/support/users/${customer.userId}/lock`, {
      _csrf: csrf,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('reason');
    expect(await status()).toBe('active');

    const locked = await browser.post(`/support/users/${customer.userId}/lock`, {
      _csrf: csrf,
      reason: 'Ticket 7: suspicious sign-ins',
    });
    expect(locked.status).toBe(303);
    expect(await status()).toBe('locked');
    // htmx requests carry the token in a header instead of a field.
    const unlocked = await fetch(`${platform.baseUrl}/support/users/${customer.userId}/unlock`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `dly_support=${browser.cookie('dly_support')}`,
        'x-csrf-token': csrf,
      },
      body: 'reason=Ticket+7%3A+verified',
    });
    expect(unlocked.status).toBe(303);
    expect(await status()).toBe('active');
  });

  it('keeps operations for admins', async () => {
    const supportBrowser = new FormClient(platform.baseUrl);
    await supportBrowser.signIn(await createStaff(platform, db, 'support'));
    const refused = await supportBrowser.get('/support/operations');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('This page is for admin staff');

    const adminBrowser = new FormClient(platform.baseUrl);
    await adminBrowser.signIn(admin);
    const page = await adminBrowser.get('/support/operations');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Dead letters');
    expect(page.text).toMatch(/<td>audit<\/td><td>\d+<\/td>/); // the consumers' backlog
    expect(page.text).toContain('E-mails');
  });

  it('ends the session on sign-out', async () => {
    const browser = new FormClient(platform.baseUrl);
    await browser.signIn(await createStaff(platform, db, 'admin'));
    const token = browser.cookie('dly_support')!;
    const page = await browser.get('/support/search');
    await browser.post('/support/logout', { _csrf: FormClient.csrfOf(page.text) });
    const after = await fetch(`${platform.baseUrl}/support/search`, {
      redirect: 'manual',
      headers: { cookie: `dly_support=${token}` },
    });
    expect(after.status).toBe(303);
  });

  it('answers unknown pages with HTML, and forms stay refused outside /support', async () => {
    const missing = await fetch(`${platform.baseUrl}/support/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/text\/html/);
    const v2 = await fetch(`${platform.baseUrl}/v2/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a&password=b',
    });
    expect(v2.status).toBe(415);
    const htmx = await fetch(`${platform.baseUrl}/support/assets/htmx.min.js`);
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain('htmx');
  });
});
