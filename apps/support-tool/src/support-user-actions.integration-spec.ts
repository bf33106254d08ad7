import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import {
  mailCount,
  mailedToken,
  startTestPlatform,
  TestClient,
  TestPlatform,
  verifyEmail,
  signUpAndLogIn,
} from '@dailies/platform/testing';
import { SupportToolModule } from '@dailies/support-tool';
import { createStaff, FormClient } from './testing/staff-client';

interface AuditEntry {
  action: string;
  actor: { type: string; id: string | null; detail: string | null };
  subject: { type: string; id: string };
  details: Record<string, unknown>;
}

/**
 * The User page's mail actions — resend the verification e-mail, send a password-reset link,
 * resend an invitation — through the domain commands the API uses: each needs a reason, sends a
 * real mail (SMTP) and shows in the customer's audit log as "Dailies support" with the reason.
 */
describe('support tool: mail actions on a user', () => {
  let platform: TestPlatform;
  let db: Client;
  let owner: {
    userId: string;
    email: string;
    accountId: string;
    teamId: string;
    admin: TestClient;
  };
  let browser: FormClient;

  const signUp = async (anonymous: TestClient, name: string) => {
    const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
    const res = await signUpAndLogIn(anonymous, {
      email,
      password: 'a-long-enough-password',
      name,
    });
    if (res.status !== 201) throw new Error(`sign-up: ${res.status} ${JSON.stringify(res.body)}`);
    return { email, userId: res.body.user.id as string, body: res.body };
  };

  /** The owner's audit log entries with this action (the audit consumer runs after commit). */
  const auditEntries = async (action: string): Promise<AuditEntry[]> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = await owner.admin.get(
        `/v2/accounts/${owner.accountId}/audit-log?action=${encodeURIComponent(action)}`,
      );
      const data = (res.body.data ?? []) as AuditEntry[];
      if (data.length > 0 || Date.now() > deadline) return data;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const userPage = async (userId: string) => {
    const page = await browser.get(`/support/users/${userId}`);
    expect(page.status).toBe(200);
    return page;
  };

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module, SupportToolModule]);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    const anonymous = new TestClient(platform.baseUrl);
    const signed = await signUp(anonymous, 'Olive');
    owner = {
      userId: signed.userId,
      email: signed.email,
      accountId: signed.body.accountId,
      teamId: signed.body.teamId,
      admin: anonymous.as(signed.body.accessToken),
    };
    browser = new FormClient(platform.baseUrl);
    expect((await browser.signIn(await createStaff(platform, db, 'support'))).status).toBe(303);
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  it('resends the verification e-mail with a reason; the new link verifies the address', async () => {
    const page = await userPage(owner.userId);
    expect(page.text).toContain('Resend verification e-mail');
    const csrf = FormClient.csrfOf(page.text);

    // Without the session's CSRF token: refused before anything happens.
    const forged = await browser.post(`/support/users/${owner.userId}/resend-verification`, {
      reason: 'Ticket 51: forged',
    });
    expect(forged.status).toBe(403);
    const noReason = await browser.post(`/support/users/${owner.userId}/resend-verification`, {
      _csrf: csrf,
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('reason');

    const before = await mailCount();
    const sent = await browser.post(`/support/users/${owner.userId}/resend-verification`, {
      _csrf: csrf,
      reason: 'Ticket 51: verification mail lost',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toContain('done=verification');
    // A fresh mail (not the sign-up one) whose link verifies the address.
    const token = await mailedToken(owner.email, 'verify-email', before);
    const verified = await new TestClient(platform.baseUrl).post('/v2/auth/verify-email', {
      token,
    });
    expect(verified.status).toBe(200);

    const [entry] = await auditEntries('user.verification_sent');
    expect(entry).toMatchObject({
      actor: { type: 'staff', id: null, detail: 'Dailies support' },
      subject: { type: 'user', id: owner.userId },
      details: { email: owner.email, supportReason: 'Ticket 51: verification mail lost' },
    });

    // Verified now: the page no longer offers it, and the command refuses with a clear 409.
    const after = await userPage(owner.userId);
    expect(after.text).not.toContain('Resend verification e-mail');
    const again = await browser.post(`/support/users/${owner.userId}/resend-verification`, {
      _csrf: csrf,
      reason: 'Ticket 51: once more',
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('already verified');
  });

  it('sends a password-reset link to the address on file only; the link resets the password', async () => {
    const page = await userPage(owner.userId);
    const csrf = FormClient.csrfOf(page.text);
    const before = await mailCount();
    const sent = await browser.post(`/support/users/${owner.userId}/password-reset`, {
      _csrf: csrf,
      reason: 'Ticket 52: cannot sign in',
      // A form cannot redirect the link elsewhere: the address comes from the user's record.
      email: 'attacker@example.com',
    });
    expect(sent.status).toBe(303);
    // The page answers without the link: support never sees it.
    const done = await browser.get(sent.headers.get('location')!);
    expect(done.text).not.toMatch(/token=/);

    const token = await mailedToken(owner.email, 'reset-password', before);
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM email_deliveries WHERE recipient = 'attacker@example.com'",
    );
    expect(rows[0].n).toBe(0);
    const reset = await new TestClient(platform.baseUrl).post('/v2/auth/password-reset/confirm', {
      token,
      password: 'a-brand-new-password',
    });
    expect(reset.status).toBeLessThan(300);
    const login = await new TestClient(platform.baseUrl).post('/v2/auth/login', {
      email: owner.email,
      password: 'a-brand-new-password',
    });
    expect(login.status).toBe(200);
    owner.admin = new TestClient(platform.baseUrl).as(login.body.accessToken);

    const [entry] = await auditEntries('user.password_reset_sent');
    expect(entry).toMatchObject({
      actor: { type: 'staff', id: null, detail: 'Dailies support' },
      details: { email: owner.email, supportReason: 'Ticket 52: cannot sign in' },
    });
  });

  it('refuses a reset link for a locked user with a clear answer', async () => {
    const anonymous = new TestClient(platform.baseUrl);
    const locked = await signUp(anonymous, 'Lockie');
    const page = await userPage(locked.userId);
    const csrf = FormClient.csrfOf(page.text);
    expect(
      (
        await browser.post(`/support/users/${locked.userId}/lock`, {
          _csrf: csrf,
          reason: 'Ticket 53: fraud review',
        })
      ).status,
    ).toBe(303);
    const lockedPage = await userPage(locked.userId);
    expect(lockedPage.text).not.toContain('Send password-reset link');
    const refused = await browser.post(`/support/users/${locked.userId}/password-reset`, {
      _csrf: csrf,
      reason: 'Ticket 53: asks for a reset',
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('unlock them first');
  });

  it('resends a pending invitation with a new link; the old link stops working', async () => {
    const anonymous = new TestClient(platform.baseUrl);
    const invitee = await signUp(anonymous, 'Ivy');
    await verifyEmail(anonymous, invitee.email);
    const before = await mailCount();
    const invited = await owner.admin.post(`/v2/accounts/${owner.accountId}/invitations`, {
      email: invitee.email,
      role: 'member',
    });
    expect(invited.status).toBe(201);
    const firstToken = await mailedToken(invitee.email, 'invitations/accept', before);

    // The invitee's page lists the invitation to their address, with a resend form.
    const page = await userPage(invitee.userId);
    expect(page.text).toContain('Pending invitations');
    const path = `/support/users/${invitee.userId}/invitations/${invited.body.id}/resend`;
    expect(page.text).toContain(path);
    const csrf = FormClient.csrfOf(page.text);
    expect((await browser.post(path, { _csrf: csrf })).status).toBe(400);

    const resentAt = await mailCount();
    const resent = await browser.post(path, {
      _csrf: csrf,
      reason: 'Ticket 54: invitation expired in spam',
    });
    expect(resent.status).toBe(303);
    const secondToken = await mailedToken(invitee.email, 'invitations/accept', resentAt);
    expect(secondToken).not.toBe(firstToken);

    const inviteeClient = anonymous.as(invitee.body.accessToken);
    const old = await inviteeClient.post('/v2/invitations/accept', { token: firstToken });
    expect(old.status).toBeGreaterThanOrEqual(400);
    expect(old.status).toBeLessThan(500);
    const accepted = await inviteeClient.post('/v2/invitations/accept', { token: secondToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body.id).toBe(owner.accountId);

    const [entry] = await auditEntries('invitation.resent');
    expect(entry).toMatchObject({
      actor: { type: 'staff', id: null, detail: 'Dailies support' },
      subject: { type: 'invitation', id: invited.body.id },
      details: { email: invitee.email, supportReason: 'Ticket 54: invitation expired in spam' },
    });

    // Accepted: no longer pending, and a resend is refused with a clear 409.
    expect((await userPage(invitee.userId)).text).not.toContain(path);
    const late = await browser.post(path, { _csrf: csrf, reason: 'Ticket 54: again' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('already accepted');
  });

  it('lets account admins resend their own invitations over /v2, and nobody else', async () => {
    const anonymous = new TestClient(platform.baseUrl);
    const stranger = await signUp(anonymous, 'Stranger');
    const invited = await owner.admin.post(`/v2/accounts/${owner.accountId}/invitations`, {
      email: `guest-${Date.now()}@example.com`,
    });
    expect(invited.status).toBe(201);
    const path = `/v2/invitations/${invited.body.id}/resend`;
    const foreign = await anonymous.as(stranger.body.accessToken).post(path, {});
    expect(foreign.status).toBe(404);
    const before = await mailCount();
    const own = await owner.admin.post(path, {});
    expect(own.status).toBe(204);
    await mailedToken(invited.body.email, 'invitations/accept', before);
    const [entry] = await auditEntries('invitation.resent');
    expect(entry.actor).toEqual({ type: 'user', id: owner.userId, detail: null });
  });

  it("shows an account's members and audit trail and reconciles usage; a project's review links", async () => {
    const project = await owner.admin.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Tidal Shoot',
    });
    expect(project.status).toBe(201);
    const folder = await owner.admin.post(`/v2/assets/${project.body.rootAssetId}/children`, {
      type: 'folder',
      name: 'Selects',
    });
    const file = await owner.admin.post(`/v2/assets/${folder.body.id}/children`, {
      type: 'file',
      name: 'Take 3.mp4',
      filetype: 'video/mp4',
      filesize: 1000,
    });
    expect(file.status).toBe(201);
    const link = await owner.admin.post(`/v2/projects/${project.body.id}/review-links`, {
      name: 'Client cut',
      assetIds: [file.body.id],
    });
    expect(link.status).toBe(201);

    const projectPage = await browser.get(`/support/projects/${project.body.id}`);
    expect(projectPage.status).toBe(200);
    expect(projectPage.text).toContain('<td>Client cut</td><td>1</td><td>active</td>');
    expect(projectPage.text).toContain(`?folder=${folder.body.id}">Selects</a>`);
    const inFolder = await browser.get(
      `/support/projects/${project.body.id}?folder=${folder.body.id}`,
    );
    expect(inFolder.text).toContain('Assets in Selects');
    expect(inFolder.text).toContain('<td>Take 3.mp4</td><td>file</td>');
    expect(
      (await browser.get(`/support/projects/${project.body.id}?folder=not-an-asset`)).status,
    ).toBe(404);

    const page = await browser.get(`/support/accounts/${owner.accountId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`/support/users/${owner.userId}`);
    expect(page.text).toContain('<td>owner</td>');
    // As if the usage consumer had missed events: the counter drifted from what the account holds.
    const usage = async () =>
      (
        await db.query('SELECT asset_count FROM account_usage WHERE account_id = $1', [
          owner.accountId,
        ])
      ).rows[0].asset_count as number;
    // Once the usage consumer has handled every event (delivered rows are deleted), it counted all.
    for (let i = 0; i < 200; i++) {
      const { rows } = await db.query(
        "SELECT count(*)::int AS n FROM event_deliveries WHERE consumer = 'usage'",
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const counted = await usage();
    await db.query('UPDATE account_usage SET asset_count = asset_count + 7 WHERE account_id = $1', [
      owner.accountId,
    ]);
    const reconciled = await browser.post(`/support/accounts/${owner.accountId}/reconcile`, {
      _csrf: FormClient.csrfOf(page.text),
      reason: 'Ticket 55: usage looks wrong',
    });
    expect(reconciled.status).toBe(303);
    expect(await usage()).toBe(counted);
    const [entry] = await auditEntries('usage.reconciled');
    // The account page's audit trail shows it too.
    const trail = (await browser.get(`/support/accounts/${owner.accountId}`)).text;
    expect(trail).toContain('<td>usage.reconciled</td>');
    expect(entry).toMatchObject({
      actor: { type: 'staff', id: null, detail: 'Dailies support' },
      details: { supportReason: 'Ticket 55: usage looks wrong' },
    });
  });
});
