import { Client } from 'pg';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { totpCode } from '@dailies/core';
import { Jobs, pruneLoginThrottlesJob } from '@dailies/jobs';
import { SupportToolModule } from '@dailies/support-tool';
import { createStaff, FormClient, TestStaff } from './testing/staff-client';

/** The Support Tool over plain HTTP: sign-in with TOTP, cookies, CSRF, roles, errors. */
describe('support tool over HTTP', () => {
  let platform: TestPlatform;
  let db: Client;
  let support: TestStaff;
  let admin: TestStaff;
  let customer: { userId: string; email: string; accountId: string };

  beforeAll(async () => {
    // The Operations page shows the job engine's history and dead letters: run it here.
    platform = await startTestPlatform([ApiV2Module, SupportToolModule], { JOBS_ENABLED: 'true' });
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    support = await createStaff(platform, db, 'support');
    admin = await createStaff(platform, db, 'admin');
    const email = `carol-${Date.now()}@example.com`;
    const res = await signUpAndLogIn(new TestClient(platform.baseUrl), {
      email,
      password: 'a-long-enough-password',
      name: 'Carol Customer',
    });
    customer = {
      userId: res.body.user.id,
      email,
      accountId: res.body.accountId,
    };
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  it('leaves the one-click unsubscribe form route to libs/email, and forms elsewhere 415', async () => {
    const form = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    };
    // The form is accepted there (the bad token is what is refused), and nowhere else.
    const unsubscribe = await fetch(`${platform.baseUrl}/email/unsubscribe?token=bad`, form);
    expect(unsubscribe.status).toBe(400);
    expect((await fetch(`${platform.baseUrl}/v2/auth/login`, form)).status).toBe(415);
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
        code: totpCode(support.secret),
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

  it('changes a storage limit with a reason the customer admins read as Dailies support', async () => {
    const browser = new FormClient(platform.baseUrl);
    await browser.signIn(await createStaff(platform, db, 'support'));
    const page = await browser.get(`/support/accounts/${customer.accountId}`);
    expect(page.status).toBe(200);
    const saved = await browser.post(`/support/accounts/${customer.accountId}/limits`, {
      _csrf: FormClient.csrfOf(page.text),
      plan: 'free',
      storageLimitGb: '5',
      reason: 'Ticket 8: temporary extra space',
    });
    expect(saved.status).toBe(303);
    const { rows } = await db.query('SELECT storage_limit_bytes FROM accounts WHERE id = $1', [
      customer.accountId,
    ]);
    expect(rows[0].storage_limit_bytes).toBe(String(5 * 1024 ** 3));

    const bad = await browser.post(`/support/accounts/${customer.accountId}/limits`, {
      _csrf: FormClient.csrfOf(page.text),
      plan: 'platinum',
      storageLimitGb: 'lots',
      reason: 'Ticket 8',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('plan');

    // The earlier lock ended the customer's sessions: sign in again.
    const anonymous = new TestClient(platform.baseUrl);
    const login = await anonymous.post('/v2/auth/login', {
      email: customer.email,
      password: 'a-long-enough-password',
    });
    const admin = anonymous.as(login.body.accessToken);
    let entry: { actor: unknown; details: Record<string, unknown> } | undefined;
    for (let i = 0; i < 100 && !entry; i += 1) {
      const log = await admin.get(
        `/v2/accounts/${customer.accountId}/audit-log?action=account.updated`,
      );
      entry = log.body.data?.[0];
      if (!entry) await new Promise((r) => setTimeout(r, 100));
    }
    expect(entry).toMatchObject({
      actor: { type: 'staff', id: null, detail: 'Dailies support' },
      details: { supportReason: 'Ticket 8: temporary extra space' },
    });
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

    // Jobs: an enqueued run shows in the history (this process runs no handlers); a retry is a
    // command with a reason, recorded as an event.
    await platform.app.get(Jobs).enqueue(pruneLoginThrottlesJob.name, {});
    const withJob = await adminBrowser.get('/support/operations');
    expect(withJob.text).toMatch(new RegExp(`<td>${pruneLoginThrottlesJob.name}</td><td>1</td>`));
    const retried = await adminBrowser.post('/support/operations/jobs/retry', {
      _csrf: FormClient.csrfOf(withJob.text),
      job: pruneLoginThrottlesJob.name,
      reason: 'Database back after failover',
    });
    expect(retried.status).toBe(303);
    const { rows } = await db.query(
      "SELECT actor->>'reason' AS reason FROM events WHERE name = 'operations.job_dead_letters_retried'",
    );
    expect(rows).toEqual([{ reason: 'Database back after failover' }]);
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
    const openapi = (await (await fetch(`${platform.baseUrl}/v2/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/support'))).toEqual([]);
    const htmx = await fetch(`${platform.baseUrl}/support/assets/htmx.min.js`);
    expect(htmx.status).toBe(200);
    expect(await htmx.text()).toContain('htmx');
  });
});
