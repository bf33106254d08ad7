import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import {
  AuthenticateStaffSessionQuery,
  CreateStaffUserCommand,
  ForceLogoutUserCommand,
  LockUserCommand,
  ListConsumerStatsQuery,
  ListJobsQuery,
  ListSentEmailsQuery,
  SignInStaffCommand,
  StaffSearchQuery,
  StartViewAsCommand,
  ViewAsCustomerQuery,
  STAFF_MAX_FAILURES,
  totpCode,
  UnlockUserCommand,
} from '@dailies/core';
import { signUp } from './testing/fixtures';

const cli = { type: 'system' as const, name: 'staff-cli' };
const TTL = { sessionTtlSeconds: 3600 };

/** Support staff: created with a TOTP secret, sign-in with both factors, lock-out, sessions. */
describe('staff identities and staff actions', () => {
  let platform: TestPlatform;
  let db: Client;
  let commands: CommandBus;
  let queries: QueryBus;

  const secretOf = async (email: string) =>
    (
      await db.query<{ s: string }>('SELECT totp_secret AS s FROM staff_users WHERE email = $1', [
        email,
      ])
    ).rows[0].s;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    commands = platform.app.get(CommandBus);
    queries = platform.app.get(QueryBus);
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  it('creates staff with an otpauth URI and signs in only with password and a fresh code', async () => {
    const created = await commands.execute(
      new CreateStaffUserCommand(cli, { email: 'Ann@Dailies.dev', name: 'Ann', role: 'support' }),
    );
    expect(created.staff).toMatchObject({ email: 'ann@dailies.dev', role: 'support' });
    expect(created.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    expect(created.generatedPassword).toHaveLength(20);
    await expect(
      commands.execute(
        new CreateStaffUserCommand(cli, { email: 'ann@dailies.dev', name: 'A', role: 'admin' }),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });

    const secret = await secretOf('ann@dailies.dev');
    const password = created.generatedPassword!;
    // Right password, wrong code: refused with the same answer as a wrong password.
    await expect(
      commands.execute(
        new SignInStaffCommand({ email: 'ann@dailies.dev', password, code: '000000' }, TTL),
      ),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    const code = totpCode(secret);
    const session = await commands.execute(
      new SignInStaffCommand({ email: 'ann@dailies.dev', password, code }, TTL),
    );
    expect(session.token).toMatch(/^dly_staff_/);
    // The same code twice is a replay.
    await expect(
      commands.execute(new SignInStaffCommand({ email: 'ann@dailies.dev', password, code }, TTL)),
    ).rejects.toMatchObject({ code: 'unauthenticated' });

    const resolved = await queries.execute(new AuthenticateStaffSessionQuery(session.token, 600));
    expect(resolved).toMatchObject({
      staff: { email: 'ann@dailies.dev' },
      csrfToken: session.csrfToken,
    });
    // Idle for longer than the timeout: the session ends and stays ended.
    await db.query(`UPDATE staff_sessions SET last_seen_at = now() - interval '11 minutes'`);
    expect(await queries.execute(new AuthenticateStaffSessionQuery(session.token, 600))).toBeNull();
    await db.query(`UPDATE staff_sessions SET last_seen_at = now()`);
    expect(await queries.execute(new AuthenticateStaffSessionQuery(session.token, 600))).toBeNull();
  });

  it('locks a staff member out after repeated failures, even with the right factors', async () => {
    const { generatedPassword } = await commands.execute(
      new CreateStaffUserCommand(cli, { email: 'bob@dailies.dev', name: 'Bob', role: 'admin' }),
    );
    for (let i = 0; i < STAFF_MAX_FAILURES; i += 1) {
      await expect(
        commands.execute(
          new SignInStaffCommand(
            { email: 'bob@dailies.dev', password: 'wrong-password', code: '123456' },
            TTL,
          ),
        ),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    const code = totpCode(await secretOf('bob@dailies.dev'));
    await expect(
      commands.execute(
        new SignInStaffCommand(
          { email: 'bob@dailies.dev', password: generatedPassword!, code },
          TTL,
        ),
      ),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('locks a customer with a reason; their admins see "Dailies support" and the reason', async () => {
    const anonymous = new TestClient(platform.baseUrl);
    const owner = await signUp(anonymous, 'Owner');
    const staff = {
      type: 'staff' as const,
      id: '00000000-0000-7000-8000-00000000000a',
      email: 'ann@dailies.dev',
    };

    expect(() => new LockUserCommand(staff, { userId: owner.userId, reason: '' })).toThrow();
    await expect(
      commands.execute(
        new LockUserCommand(
          { type: 'user', id: owner.userId },
          { userId: owner.userId, reason: 'nope' },
        ),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });

    await commands.execute(
      new LockUserCommand(staff, { userId: owner.userId, reason: 'Ticket 42: account takeover' }),
    );
    expect((await owner.client.get('/v2/me')).status).toBe(401);
    const login = await anonymous.post('/v2/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(login.status).toBe(403);

    await commands.execute(
      new UnlockUserCommand(staff, { userId: owner.userId, reason: 'Ticket 42: resolved' }),
    );
    const again = await anonymous.post('/v2/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(again.status).toBe(200);
    const admin = anonymous.as(again.body.accessToken);

    const deadline = Date.now() + 10_000;
    let entries: { action: string; actor: unknown; details: { reason?: string } }[] = [];
    while (Date.now() < deadline) {
      const log = await admin.get(`/v2/accounts/${owner.accountId}/audit-log?action=user.*`);
      entries = log.body.data;
      if (entries.some((e) => e.action === 'user.unlocked')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const locked = entries.find((e) => e.action === 'user.locked');
    expect(locked).toMatchObject({
      actor: { type: 'staff', id: null, detail: 'Dailies support' },
      details: { reason: 'Ticket 42: account takeover' },
    });
    expect(JSON.stringify(entries)).not.toContain('ann@dailies.dev');
  });

  it('views as a customer for a limited time, never as staff, only by the staff who started it', async () => {
    const anonymous = new TestClient(platform.baseUrl);
    const customer = await signUp(anonymous, 'Viewed');
    await customer.client.post(`/v2/teams/${customer.teamId}/projects`, { name: 'Night shoot' });
    const ann = await db.query<{ id: string }>(
      "SELECT id FROM staff_users WHERE email = 'ann@dailies.dev'",
    );
    const staff = { type: 'staff' as const, id: ann.rows[0].id, email: 'ann@dailies.dev' };

    const { grantId } = await commands.execute(
      new StartViewAsCommand(staff, {
        userId: customer.userId,
        reason: 'Ticket 9: missing project',
      }),
    );
    const view = await queries.execute(new ViewAsCustomerQuery(staff, grantId));
    expect(view.user.email).toBe(customer.email);
    expect(view.accounts[0].teams[0].projects.map((p) => p.name)).toEqual(['Night shoot']);
    const { rows } = await db.query(
      'SELECT staff_user_id, user_id, reason FROM staff_view_as_grants WHERE id = $1',
      [grantId],
    );
    expect(rows[0]).toEqual({
      staff_user_id: staff.id,
      user_id: customer.userId,
      reason: 'Ticket 9: missing project',
    });

    const other = { type: 'staff' as const, id: '00000000-0000-7000-8000-00000000000b' };
    await expect(queries.execute(new ViewAsCustomerQuery(other, grantId))).rejects.toMatchObject({
      code: 'not_found',
    });
    await db.query("UPDATE staff_view_as_grants SET expires_at = now() - interval '1 second'");
    await expect(queries.execute(new ViewAsCustomerQuery(staff, grantId))).rejects.toMatchObject({
      code: 'gone',
    });

    // A customer user with a staff member's e-mail cannot be viewed as.
    const twin = await signUpAndLogIn(anonymous, {
      email: 'bob@dailies.dev',
      password: 'a-long-enough-password',
      name: 'Bob at home',
    });
    await expect(
      commands.execute(
        new StartViewAsCommand(staff, { userId: twin.body.user.id, reason: 'curious' }),
      ),
    ).rejects.toMatchObject({ code: 'conflict', featureCode: 'view_as_staff_refused' });
  });

  it('shows staff the outgoing e-mails and the consumers, and customers neither', async () => {
    await db.query(
      `INSERT INTO email_deliveries (idempotency_key, kind, recipient, message, message_id, status, sent_at)
       VALUES ('password-reset:t1', 'password-reset', 'eve@example.com',
               '{"subject": "Reset your Dailies password"}', 'm1@dailies', 'sent', now())`,
    );
    const staff = { type: 'staff' as const, id: '00000000-0000-7000-8000-00000000000c' };
    const emails = await queries.execute(new ListSentEmailsQuery(staff));
    expect(emails[0]).toMatchObject({
      kind: 'password-reset',
      recipient: 'eve@example.com',
      subject: 'Reset your Dailies password',
      status: 'sent',
    });
    // This process mounts no job engine (the Support Tool and the cron app do): a clear refusal.
    await expect(queries.execute(new ListJobsQuery(staff))).rejects.toMatchObject({
      code: 'conflict',
      featureCode: 'job_engine_not_running',
    });
    const consumers = await queries.execute(new ListConsumerStatsQuery(staff));
    expect(consumers.map((c) => c.consumer)).toContain('audit');
    const user = { type: 'user' as const, id: '00000000-0000-7000-8000-00000000000d' };
    await expect(queries.execute(new ListSentEmailsQuery(user))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(queries.execute(new ListConsumerStatsQuery(user))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('ends sessions without locking, and lifts a lock with an end at the first sign-in after it', async () => {
    const anonymous = new TestClient(platform.baseUrl);
    const user = await signUp(anonymous, 'Timed');
    const staff = { type: 'staff' as const, id: '00000000-0000-7000-8000-00000000000e' };

    const ended = await commands.execute(
      new ForceLogoutUserCommand(staff, { userId: user.userId, reason: 'Ticket 5: lost laptop' }),
    );
    expect(ended).toEqual({ sessionsRevoked: 1 });
    expect((await user.client.get('/v2/me')).status).toBe(401);
    const login = () =>
      anonymous.post('/v2/auth/login', { email: user.email, password: user.password });
    expect((await login()).status).toBe(200);

    const locked = await commands.execute(
      new LockUserCommand(staff, {
        userId: user.userId,
        reason: 'Ticket 6: cool-off',
        minutes: 30,
      }),
    );
    expect(locked.until!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect((await login()).status).toBe(403);
    await db.query(
      "UPDATE staff_user_locks SET locked_until = now() - interval '1 second' WHERE user_id = $1",
      [user.userId],
    );
    expect((await login()).status).toBe(200);
    const { rows } = await db.query(
      'SELECT u.status, (SELECT count(*)::int FROM staff_user_locks l WHERE l.user_id = u.id) AS locks FROM users u WHERE u.id = $1',
      [user.userId],
    );
    expect(rows[0]).toEqual({ status: 'active', locks: 0 });
    // A malformed id is a 404, not a database error.
    await expect(
      commands.execute(new LockUserCommand(staff, { userId: 'nope', reason: 'typo test' })),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('searches users, accounts, projects, assets and request ids for staff only', async () => {
    const anonymous = new TestClient(platform.baseUrl);
    const res = await signUpAndLogIn(
      anonymous,
      { email: 'zed.searchable@example.com', password: 'a-long-enough-password', name: 'Zed Q' },
      { headers: { 'x-request-id': 'req-support-search-1' } },
    );
    expect(res.status).toBe(201);
    const zed = anonymous.as(res.body.accessToken);
    const project = await zed.post(`/v2/teams/${res.body.teamId}/projects`, { name: 'Zebra reel' });
    const asset = await zed.post(`/v2/assets/${project.body.rootAssetId}/children`, {
      type: 'folder',
      name: 'Zebra selects',
    });
    const staff = { type: 'staff' as const, id: '00000000-0000-7000-8000-00000000000f' };

    const byEmail = await queries.execute(new StaffSearchQuery(staff, { q: 'ZED.SEARCHABLE' }));
    expect(byEmail.users.map((u) => u.id)).toEqual([res.body.user.id]);
    const byName = await queries.execute(new StaffSearchQuery(staff, { q: 'zebra' }));
    expect(byName.projects.map((p) => p.id)).toEqual([project.body.id]);
    // The project's root folder carries its name too.
    expect(byName.assets.map((a) => a.id)).toEqual(
      expect.arrayContaining([asset.body.id, project.body.rootAssetId]),
    );
    const byId = await queries.execute(new StaffSearchQuery(staff, { q: res.body.accountId }));
    expect(byId.accounts.map((a) => a.id)).toEqual([res.body.accountId]);

    let requests: unknown[] = [];
    for (let i = 0; i < 100 && requests.length === 0; i += 1) {
      requests = (await queries.execute(new StaffSearchQuery(staff, { q: 'req-support-search-1' })))
        .requests;
      if (requests.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(requests).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'user.signed_up' })]),
    );

    expect(() => new StaffSearchQuery(staff, { q: 'z' })).toThrow();
    const user = { type: 'user' as const, id: res.body.user.id };
    await expect(queries.execute(new StaffSearchQuery(user, { q: 'zebra' }))).rejects.toMatchObject(
      { code: 'forbidden' },
    );
  });
});
