import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
  verifyEmail,
} from '@dailies/platform/testing';
import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { signUp } from './testing/fixtures';

describe('accounts over HTTP: signup → login → team → invite → accept → members', () => {
  let platform: TestPlatform;
  let anon: TestClient;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('runs the whole onboarding flow', async () => {
    const owner = await signUp(anon, 'Owner');
    const login = await anon.post('/v2/auth/login', {
      email: owner.email.toUpperCase(),
      password: owner.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: owner.userId, email: owner.email });
    const ownerClient = anon.as(login.body.accessToken);

    const me = await ownerClient.get('/v2/me');
    expect(me.status).toBe(200);
    expect(me.body.accounts).toEqual([
      expect.objectContaining({ id: owner.accountId, role: 'owner', plan: 'free' }),
    ]);

    const team = await ownerClient.post(`/v2/accounts/${owner.accountId}/teams`, {
      name: 'Colour',
    });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ name: 'Colour', accountId: owner.accountId, memberCount: 1 });

    const invite = await ownerClient.post(`/v2/accounts/${owner.accountId}/invitations`, {
      email: 'Editor@Example.com',
      role: 'member',
      teamId: team.body.id,
    });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({
      email: 'editor@example.com',
      status: 'pending',
      role: 'member',
    });
    expect(invite.body.token).toMatch(/^dly_inv_/);

    const listed = await ownerClient.get(`/v2/accounts/${owner.accountId}/invitations`);
    expect(listed.body.data[0]).not.toHaveProperty('token');

    const editor = await signUpAndLogIn(anon, {
      email: 'editor@example.com',
      password: 'editor-password-1',
      name: 'Ed',
    });
    expect(editor.status).toBe(201);
    const editorClient = anon.as(editor.body.accessToken);
    // Typing an address at sign-up does not prove it: the invitation waits for verification.
    const unverified = await editorClient.post('/v2/invitations/accept', {
      token: invite.body.token,
    });
    expect(unverified.status).toBe(403);
    expect(unverified.body.code).toBe('email_unverified');
    await verifyEmail(anon, 'editor@example.com');
    const accepted = await editorClient.post('/v2/invitations/accept', {
      token: invite.body.token,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: owner.accountId, role: 'member' });

    const again = await editorClient.post('/v2/invitations/accept', { token: invite.body.token });
    expect(again.status).toBe(409);

    const members = await ownerClient.get(`/v2/accounts/${owner.accountId}/members`);
    expect(members.status).toBe(200);
    expect(
      members.body.data.map((m: { email: string; role: string }) => [m.email, m.role]),
    ).toEqual([
      [owner.email, 'owner'],
      ['editor@example.com', 'member'],
    ]);
    const teamMembers = await editorClient.get(`/v2/teams/${team.body.id}/members`);
    expect(teamMembers.body.data).toHaveLength(2);

    // The new member sees the account but cannot manage it.
    expect((await editorClient.get(`/v2/accounts/${owner.accountId}`)).status).toBe(200);
    const forbidden = await editorClient.post(`/v2/accounts/${owner.accountId}/teams`, {
      name: 'Nope',
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');

    // Every change above left its events in the outbox, in the same transactions.
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ name: string }>(
      'SELECT name FROM events WHERE account_id = $1 ORDER BY position',
      [owner.accountId],
    );
    await db.end();
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'account.created',
        'team.created',
        'invitation.created',
        'member.added',
        'invitation.accepted',
        'team.member_added',
      ]),
    );
  });

  it('transfers ownership and never removes the owner', async () => {
    const owner = await signUp(anon, 'Founder');
    const other = await signUp(anon, 'Partner');
    const invite = await owner.client.post(`/v2/accounts/${owner.accountId}/invitations`, {
      email: other.email,
      role: 'admin',
    });
    expect(
      (await other.client.post('/v2/invitations/accept', { token: invite.body.token })).status,
    ).toBe(200);

    const removeOwner = await other.client.delete(
      `/v2/accounts/${owner.accountId}/members/${owner.userId}`,
    );
    expect(removeOwner.status).toBe(409);
    expect(removeOwner.body.type).toContain('owner-cannot-be-removed');

    expect(
      (
        await other.client.patch(`/v2/accounts/${owner.accountId}/members/${other.userId}`, {
          role: 'owner',
        })
      ).status,
    ).toBe(403);
    const transfer = await owner.client.patch(
      `/v2/accounts/${owner.accountId}/members/${other.userId}`,
      { role: 'owner' },
    );
    expect(transfer.status).toBe(200);
    expect(transfer.body.role).toBe('owner');
    const members = await owner.client.get(`/v2/accounts/${owner.accountId}/members`);
    const roles = Object.fromEntries(
      members.body.data.map((m: { userId: string; role: string }) => [m.userId, m.role]),
    );
    expect(roles).toEqual({ [owner.userId]: 'admin', [other.userId]: 'owner' });
    // The former owner can now be removed by the new one.
    expect(
      (await other.client.delete(`/v2/accounts/${owner.accountId}/members/${owner.userId}`)).status,
    ).toBe(204);
    expect((await owner.client.get(`/v2/accounts/${owner.accountId}`)).status).toBe(404);
  });

  it('paginates with cursors', async () => {
    const owner = await signUp(anon, 'Pager');
    for (let i = 0; i < 5; i++)
      await owner.client.post(`/v2/accounts/${owner.accountId}/teams`, { name: `Team ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { name: string }[]; nextCursor: string | null } } =
        await owner.client.get(
          `/v2/accounts/${owner.accountId}/teams?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
      seen.push(...page.body.data.map((t) => t.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['General', 'Team 0', 'Team 1', 'Team 2', 'Team 3', 'Team 4']);
    const tooBig = await owner.client.get(`/v2/accounts/${owner.accountId}/teams?limit=101`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    expect(
      (await owner.client.get(`/v2/accounts/${owner.accountId}/teams?cursor=forged`)).status,
    ).toBe(400);
  });

  it('manages teams: rename, members, delete, keeps the last one', async () => {
    const owner = await signUp(anon, 'Teamster');
    const renamed = await owner.client.patch(`/v2/teams/${owner.teamId}`, { name: 'Editorial' });
    expect(renamed.body.name).toBe('Editorial');
    expect((await owner.client.delete(`/v2/teams/${owner.teamId}`)).status).toBe(409);
    const second = await owner.client.post(`/v2/accounts/${owner.accountId}/teams`, {
      name: 'Sound',
    });
    expect(
      (await owner.client.delete(`/v2/teams/${second.body.id}/members/${owner.userId}`)).status,
    ).toBe(204);
    expect(
      (await owner.client.post(`/v2/teams/${second.body.id}/members`, { userId: owner.userId }))
        .status,
    ).toBe(201);
    const stranger = await signUp(anon, 'Stranger');
    const notMember = await owner.client.post(`/v2/teams/${second.body.id}/members`, {
      userId: stranger.userId,
    });
    expect(notMember.status).toBe(400);
    expect((await owner.client.delete(`/v2/teams/${second.body.id}`)).status).toBe(204);
    expect((await owner.client.get(`/v2/teams/${second.body.id}`)).status).toBe(404);
  });
});
