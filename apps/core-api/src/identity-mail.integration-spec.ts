import { ApiV2Module } from '@dailies/api-v2';
import { SmtpTestServer } from '@dailies/email/testing';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import type { ParsedMail } from 'mailparser';
import { Client } from 'pg';
import { signUp } from './testing/fixtures';

const PUBLIC_URL = 'https://app.dailies.test';

/** Waits for the next mail to `to` whose subject matches. */
async function mailTo(smtp: SmtpTestServer, to: string, subject: RegExp): Promise<ParsedMail> {
  await waitFor(() => mailsTo(smtp, to, subject).length > 0, `a mail "${subject}" to ${to}`);
  return mailsTo(smtp, to, subject).at(-1)!;
}

function mailsTo(smtp: SmtpTestServer, to: string, subject: RegExp): ParsedMail[] {
  return smtp.received.filter(
    (m) => m.to && !Array.isArray(m.to) && m.to.text === to && subject.test(m.subject ?? ''),
  );
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The link of a mail: the same absolute URL in the text and the HTML part. */
function linkIn(mail: ParsedMail, path: string): URL {
  const pattern = new RegExp(`${PUBLIC_URL}/${path}\\?token=[\\w-]+`);
  const inText = pattern.exec(mail.text ?? '')?.[0];
  const inHtml = pattern.exec(String(mail.html))?.[0];
  expect(inText).toBeDefined();
  expect(inHtml).toEqual(inText);
  return new URL(inText!);
}

describe('e-mail verification and password reset over HTTP and SMTP', () => {
  let smtp: SmtpTestServer;
  let platform: TestPlatform;
  let anon: TestClient;
  let db: Client;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module], {
      PUBLIC_URL,
      MAIL_FROM: 'Dailies <no-reply@dailies.test>',
      EMAIL_SEND_INTERVAL_MS: '50',
    });
    // baseUrl is PUBLIC_URL (what links use); requests go to the port the app listens on.
    const { port } = platform.app.getHttpServer().address() as { port: number };
    anon = new TestClient(`http://127.0.0.1:${port}`);
    // The test platform's in-process SMTP server.
    smtp = platform.mail!;
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  const verified = async (userId: string) =>
    (await db.query('SELECT email_confirmed FROM users WHERE id = $1', [userId])).rows[0]
      .email_confirmed as boolean;

  it('sign-up mails a single-use verification link; following it verifies the address', async () => {
    const user = await signUp(anon, 'Verifier', { verified: false });
    expect(await verified(user.userId)).toBe(false);
    const mail = await mailTo(smtp, user.email, /Confirm your e-mail address/);
    expect(mail.from?.value[0]).toEqual({ name: 'Dailies', address: 'no-reply@dailies.test' });
    expect(mail.messageId).toMatch(/@dailies\.test>$/);
    expect(mail.text).toContain('please confirm that this is your e-mail address');
    const link = linkIn(mail, 'verify-email');
    const token = link.searchParams.get('token')!;
    // Only the token's digest is stored.
    const stored = await db.query('SELECT token_hash FROM user_tokens WHERE user_id = $1', [
      user.userId,
    ]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].token_hash).not.toContain(token);

    expect((await user.client.get('/v2/me')).body.emailVerified).toBe(false);
    const ok = await anon.post('/v2/auth/verify-email', { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ verified: true });
    expect(await verified(user.userId)).toBe(true);
    expect((await user.client.get('/v2/me')).body.emailVerified).toBe(true);

    const again = await anon.post('/v2/auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('token_invalid');
    const resend = await user.client.post('/v2/auth/resend-verification');
    expect(resend.status).toBe(409);
    expect(resend.body.code).toBe('email_already_verified');
  });

  it('refuses unknown and expired links alike; resend mails a new link, at most 3 per window', async () => {
    const user = await signUp(anon, 'Expired', { verified: false });
    const first = linkIn(await mailTo(smtp, user.email, /Confirm/), 'verify-email');
    await db.query(
      "UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [user.userId],
    );
    const expired = await anon.post('/v2/auth/verify-email', {
      token: first.searchParams.get('token'),
    });
    const unknown = await anon.post('/v2/auth/verify-email', { token: 'dly_ev_nonsense' });
    expect(expired.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect({ ...expired.body, requestId: null, instance: null }).toEqual({
      ...unknown.body,
      requestId: null,
      instance: null,
    });
    expect(await verified(user.userId)).toBe(false);

    expect((await user.client.post('/v2/auth/resend-verification')).status).toBe(202);
    expect((await user.client.post('/v2/auth/resend-verification')).status).toBe(202);
    const limited = await user.client.post('/v2/auth/resend-verification');
    expect(limited.status).toBe(429);
    await waitFor(() => mailsTo(smtp, user.email, /Confirm/).length === 3, 'three mails');
    const latest = linkIn(await mailTo(smtp, user.email, /Confirm/), 'verify-email');
    expect(latest.href).not.toEqual(first.href);
    expect(
      (await anon.post('/v2/auth/verify-email', { token: latest.searchParams.get('token') }))
        .status,
    ).toBe(200);
    expect(await verified(user.userId)).toBe(true);
  });

  it('password reset: same 202 for known and unknown addresses; the link works once and ends every session', async () => {
    const user = await signUp(anon, 'Forgetful');
    const second = await anon.post('/v2/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(second.status).toBe(200);

    const known = await anon.post('/v2/auth/password-reset', { email: user.email });
    const unknown = await anon.post('/v2/auth/password-reset', {
      email: `nobody-${Date.now()}@example.com`,
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());

    const mail = await mailTo(smtp, user.email, /Reset your Dailies password/);
    expect(mail.html).toContain('Choose a new password');
    const link = linkIn(mail, 'reset-password');
    const token = link.searchParams.get('token')!;

    const reset = await anon.post('/v2/auth/password-reset/confirm', {
      token,
      password: 'a-brand-new-password',
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ sessionsRevoked: 2 });
    // Both refresh families are dead; the old password no longer works, the new one does.
    expect((await anon.post('/v2/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(
      401,
    );
    expect(
      (await anon.post('/v2/auth/refresh', { refreshToken: second.body.refreshToken })).status,
    ).toBe(401);
    expect(
      (await anon.post('/v2/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    expect(
      (await anon.post('/v2/auth/login', { email: user.email, password: 'a-brand-new-password' }))
        .status,
    ).toBe(200);
    // Single use; the link also proved the address.
    const replay = await anon.post('/v2/auth/password-reset/confirm', {
      token,
      password: 'yet-another-password',
    });
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('token_invalid');
    expect(await verified(user.userId)).toBe(true);
  });

  it('password reset requests are throttled per user without telling the caller', async () => {
    const user = await signUp(anon, 'Flooded');
    for (let i = 0; i < 5; i += 1) {
      expect((await anon.post('/v2/auth/password-reset', { email: user.email })).status).toBe(202);
    }
    const rows = await db.query(
      "SELECT count(*)::int AS n FROM email_deliveries WHERE kind = 'password-reset' AND user_id = $1",
      [user.userId],
    );
    expect(rows.rows[0].n).toBe(3);
    const bad = await anon.post('/v2/auth/password-reset', { email: 'not an email' });
    expect(bad.status).toBe(400);
  });

  describe('consent: adding people to a project', () => {
    const stable = (body: Record<string, unknown>) => {
      const varying = ['id', 'email', 'createdAt', 'expiresAt'];
      return Object.fromEntries(Object.entries(body).filter(([key]) => !varying.includes(key)));
    };

    it('invites anyone outside the account alike, known address or not; they join by accepting the mailed link', async () => {
      const owner = await signUp(anon, 'Olga');
      const outsider = await signUp(anon, 'Outsider');
      const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
        name: 'Feature cut',
      });
      const base = `/v2/projects/${project.body.id}/collaborators`;

      const known = await owner.client.post(base, { email: outsider.email, role: 'reviewer' });
      const unknown = await owner.client.post(base, {
        email: `nobody-${Date.now()}@example.com`,
        role: 'reviewer',
      });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(stable(known.body)).toEqual(stable(unknown.body));
      expect(known.body).toMatchObject({
        projectId: project.body.id,
        projectRole: 'reviewer',
        status: 'pending',
        email: outsider.email,
      });
      expect(known.body).not.toHaveProperty('token');
      expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
      // Nothing is shared before they accept: no project, no user record.
      expect((await outsider.client.get(`/v2/projects/${project.body.id}`)).status).toBe(404);
      const listed = await owner.client.get(base);
      expect(listed.body.data).toEqual([]);

      const mail = await mailTo(smtp, outsider.email, /Olga invited you to Feature cut/);
      expect(mail.text).toContain('Olga invited you to join Feature cut on Dailies.');
      expect(mail.html).toContain('Accept the invitation');
      const token = linkIn(mail, 'invitations/accept').searchParams.get('token')!;
      const accepted = await outsider.client.post('/v2/invitations/accept', { token });
      expect(accepted.status).toBe(200);
      expect(accepted.body.id).toBe(owner.accountId);
      expect(accepted.body).not.toHaveProperty('role'); // not a member of the account
      expect((await outsider.client.get(`/v2/projects/${project.body.id}`)).body.access).toBe(
        'reviewer',
      );
      expect((await outsider.client.post('/v2/invitations/accept', { token })).status).toBe(409);
      // One mail per invitation: two invitations, two deliveries.
      const sent = await db.query(
        "SELECT count(*)::int AS n FROM email_deliveries WHERE kind = 'invitation' AND recipient = ANY($1)",
        [[outsider.email, unknown.body.email]],
      );
      expect(sent.rows[0].n).toBe(2);
    });

    it('an unverified login cannot accept; ids of non-members are refused alike', async () => {
      const owner = await signUp(anon, 'Owner');
      const squatter = await signUp(anon, 'Squatter', { verified: false });
      const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
        name: 'Pilot',
      });
      const base = `/v2/projects/${project.body.id}/collaborators`;
      const invited = await owner.client.post(base, { email: squatter.email, role: 'editor' });
      expect(invited.status).toBe(202);
      const token = linkIn(
        await mailTo(smtp, squatter.email, /invited you to Pilot/),
        'invitations/accept',
      ).searchParams.get('token')!;
      const refused = await squatter.client.post('/v2/invitations/accept', { token });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('email_unverified');
      expect((await squatter.client.get(`/v2/projects/${project.body.id}`)).status).toBe(404);

      const byId = await owner.client.post(base, { userId: squatter.userId, role: 'editor' });
      const ghost = await owner.client.post(base, {
        userId: '0190a0a0-0000-7000-8000-000000000000',
        role: 'editor',
      });
      expect(byId.status).toBe(400);
      expect(ghost.status).toBe(400);
      expect(byId.body.errors).toEqual(ghost.body.errors);
    });

    it('adds verified members of the account directly and tells them by e-mail', async () => {
      const owner = await signUp(anon, 'Olga');
      const member = await signUp(anon, 'Member');
      const invite = await owner.client.post(`/v2/accounts/${owner.accountId}/invitations`, {
        email: member.email,
      });
      const accountMail = await mailTo(smtp, member.email, /invited you to Olga's account/);
      expect(linkIn(accountMail, 'invitations/accept').searchParams.get('token')).toBe(
        invite.body.token,
      );
      expect(
        (await member.client.post('/v2/invitations/accept', { token: invite.body.token })).status,
      ).toBe(200);
      const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
        name: 'Trailer',
      });
      const added = await owner.client.post(`/v2/projects/${project.body.id}/collaborators`, {
        userId: member.userId,
        role: 'viewer',
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ userId: member.userId, role: 'viewer' });
      const mail = await mailTo(smtp, member.email, /Olga added you to Trailer/);
      expect(mail.from?.value[0]).toEqual({ name: 'Dailies', address: 'no-reply@dailies.test' });
      expect(mail.messageId).toMatch(/@dailies\.test>$/);
      // Transactional: no unsubscribe (that is for digests), a text and an HTML part.
      expect(mail.headers.has('list-unsubscribe')).toBe(false);
      expect(mail.text).toContain('added you to the project Trailer as viewer');
      expect(mail.text).toContain(`${PUBLIC_URL}/projects/${project.body.id}`);
      expect(String(mail.html)).toContain(`${PUBLIC_URL}/projects/${project.body.id}`);
    });
  });
});
