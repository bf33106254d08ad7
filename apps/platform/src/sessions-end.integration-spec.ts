import { CommandBus } from '@nestjs/cqrs';
import { LiveSockets, SESSION_ENDED_CLOSE_CODE } from '@dailies/api-graphql';
import { ForceLogoutUserCommand, LockUserCommand, UnlockUserCommand } from '@dailies/core';

/** Support staff: who locks and unlocks users (the Support Tool's commands). */
const STAFF = { type: 'staff' as const, id: '00000000-0000-7000-8000-000000000001' };
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { platformFeatures } from './platform.features';

/**
 * Sessions end everywhere, at once: REST /v2, legacy /v1 and open GraphQL subscriptions (closed
 * with 4401) after a logout, a revoked refresh family, a password change and a lock. API tokens:
 * scopes on every transport, expiry, and no power over password sessions.
 */
describe('sessions end on every transport', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let sockets: LiveSockets;
  const disposers: (() => void)[] = [];
  let counter = 0;

  beforeAll(async () => {
    platform = await startTestPlatform(platformFeatures);
    anon = new TestClient(platform.baseUrl);
    sockets = platform.app.get(LiveSockets, { strict: false });
  });
  afterAll(async () => {
    disposers.forEach((dispose) => dispose());
    await platform?.close();
  });

  async function until(check: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function newUser() {
    counter += 1;
    const email = `sessions-${counter}-${Date.now()}@example.com`;
    const password = 'a-long-enough-password';
    const res = await signUpAndLogIn(anon, { email, password, name: 'Sam' });
    expect(res.status).toBe(201);
    return { email, password, userId: res.body.user.id as string };
  }

  async function logIn(user: { email: string; password: string }) {
    const res = await anon.post('/v2/auth/login', user);
    expect(res.status).toBe(200);
    return { access: res.body.accessToken as string, refresh: res.body.refreshToken as string };
  }

  /** A live subscription on the token's socket; `closedWith` is the close code once closed. */
  async function subscribe(token: string) {
    const state = { closedWith: undefined as number | undefined };
    const before = sockets.watching;
    const client = createClient({
      url: `${platform.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      // The 4401 close is what the test waits for, not an error worth printing.
      onNonLazyError: () => undefined,
      on: { closed: (event) => (state.closedWith = (event as { code: number }).code) },
    });
    disposers.push(() => void client.dispose());
    disposers.push(
      client.subscribe(
        { query: 'subscription { notificationReceived { id } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      ),
    );
    await until(() => sockets.watching > before);
    return state;
  }

  /** Works (or not) on REST /v2, legacy /v1 and GraphQL over HTTP. */
  async function statuses(token: string) {
    const graphql = await anon
      .as(token)
      .post('/graphql', { query: '{ me { id } }' })
      .then((res) => (res.body?.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK');
    return {
      v2: (await anon.as(token).get('/v2/me')).status,
      v1: (await anon.request('GET', '/v1/me', undefined, { authorization: `Bearer ${token}` }))
        .status,
      graphql,
    };
  }
  const WORKS = { v2: 200, v1: 200, graphql: 'OK' };
  const ENDED = { v2: 401, v1: 401, graphql: 'UNAUTHENTICATED' };

  it('logout ends REST, /v1 and the open subscription of that session only', async () => {
    const user = await newUser();
    const ending = await logIn(user);
    const other = await logIn(user);
    const live = await subscribe(ending.access);
    const otherLive = await subscribe(other.access);
    expect(await statuses(ending.access)).toEqual(WORKS);

    expect((await anon.as(ending.access).post('/v2/auth/logout', {})).status).toBe(204);
    expect(await statuses(ending.access)).toEqual(ENDED);
    await until(() => live.closedWith !== undefined, 3000);
    expect(live.closedWith).toBe(SESSION_ENDED_CLOSE_CODE);
    // The user's other session is untouched.
    expect(await statuses(other.access)).toEqual(WORKS);
    expect(otherLive.closedWith).toBeUndefined();
  });

  it('a reused refresh token revokes its family: REST, /v1 and the subscription end', async () => {
    const user = await newUser();
    const session = await logIn(user);
    const rotated = await anon.post('/v2/auth/refresh', { refreshToken: session.refresh });
    expect(rotated.status).toBe(200);
    const live = await subscribe(rotated.body.accessToken);
    // The spent token comes back: theft; the whole family is revoked.
    expect((await anon.post('/v2/auth/refresh', { refreshToken: session.refresh })).status).toBe(
      401,
    );
    expect(await statuses(rotated.body.accessToken)).toEqual(ENDED);
    await until(() => live.closedWith !== undefined, 3000);
    expect(live.closedWith).toBe(SESSION_ENDED_CLOSE_CODE);
  });

  it('a password change keeps the calling session and ends every other one', async () => {
    const user = await newUser();
    const current = await logIn(user);
    const stolen = await logIn(user);
    const stolenLive = await subscribe(stolen.access);
    const wrong = await anon.as(current.access).post('/v2/me/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'new-password-42',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);

    const changed = await anon
      .as(current.access)
      .post('/v2/me/password', { currentPassword: user.password, newPassword: 'new-password-42' });
    expect(changed.status).toBe(200);
    // The other login and the one sign-up opened; the calling session stays.
    expect(changed.body).toEqual({ sessionsRevoked: 2 });
    expect(changed.headers.get('cache-control')).toBe('no-store');
    expect(await statuses(stolen.access)).toEqual(ENDED);
    expect((await anon.post('/v2/auth/refresh', { refreshToken: stolen.refresh })).status).toBe(
      401,
    );
    await until(() => stolenLive.closedWith !== undefined, 3000);
    expect(stolenLive.closedWith).toBe(SESSION_ENDED_CLOSE_CODE);
    expect(await statuses(current.access)).toEqual(WORKS);
    expect((await anon.post('/v2/auth/login', user)).status).toBe(401);
    expect(
      (await anon.post('/v2/auth/login', { email: user.email, password: 'new-password-42' }))
        .status,
    ).toBe(200);
  });

  it('locking a user ends sessions, tokens and subscriptions; the lock can expire or be lifted', async () => {
    const user = await newUser();
    const session = await logIn(user);
    const token = await anon.as(session.access).post('/v2/me/api-tokens', { name: 'ci' });
    expect(token.status).toBe(201);
    const live = await subscribe(session.access);
    const tokenLive = await subscribe(token.body.token);
    const bus = platform.app.get(CommandBus);
    await bus.execute(
      new LockUserCommand(STAFF, { userId: user.userId, reason: 'abuse report #12' }),
    );
    expect(await statuses(session.access)).toEqual(ENDED);
    expect(await statuses(token.body.token)).toEqual(ENDED);
    await until(() => live.closedWith !== undefined && tokenLive.closedWith !== undefined, 3000);
    expect([live.closedWith, tokenLive.closedWith]).toEqual([
      SESSION_ENDED_CLOSE_CODE,
      SESSION_ENDED_CLOSE_CODE,
    ]);
    expect((await anon.post('/v2/auth/login', user)).status).toBe(403);

    await bus.execute(
      new UnlockUserCommand(STAFF, { userId: user.userId, reason: 'report handled' }),
    );
    expect((await anon.post('/v2/auth/login', user)).status).toBe(200);
    // Sessions ended by the lock stay ended; the API token (not a session) works again.
    expect((await anon.as(session.access).get('/v2/me')).status).toBe(401);
    expect((await anon.as(token.body.token).get('/v2/me')).status).toBe(200);

    // A lock with an expiry ends by itself.
    await bus.execute(
      new LockUserCommand(STAFF, { userId: user.userId, reason: 'cool-off', minutes: 1 }),
    );
    expect((await anon.post('/v2/auth/login', user)).status).toBe(403);
    expect((await anon.as(token.body.token).get('/v2/me')).status).toBe(401);
    const db = new (await import('pg')).Client({ connectionString: platform.databaseUrl });
    await db.connect();
    await db.query(
      `UPDATE staff_user_locks SET locked_until = now() - interval '1 second' WHERE user_id = $1`,
      [user.userId],
    );
    // One lock mechanism: the staff lock's end is the only end there is, for API tokens too.
    expect((await anon.as(token.body.token).get('/v2/me')).status).toBe(200);
    expect((await anon.post('/v2/auth/login', user)).status).toBe(200);
    const after = await db.query(
      `SELECT u.status::text AS status, count(l.user_id)::int AS locks
         FROM users u LEFT JOIN staff_user_locks l ON l.user_id = u.id
        WHERE u.id = $1 GROUP BY u.status`,
      [user.userId],
    );
    await db.end();
    // The sign-in after the end lifted the lock for good.
    expect(after.rows[0]).toEqual({ status: 'active', locks: 0 });
  });

  it('support signing a user out everywhere ends their sessions and subscriptions, not the user', async () => {
    const user = await newUser();
    const session = await logIn(user);
    const live = await subscribe(session.access);
    await platform.app
      .get(CommandBus)
      .execute(
        new ForceLogoutUserCommand(STAFF, { userId: user.userId, reason: 'Ticket 5: lost laptop' }),
      );
    expect(await statuses(session.access)).toEqual(ENDED);
    await until(() => live.closedWith !== undefined, 3000);
    expect(live.closedWith).toBe(SESSION_ENDED_CLOSE_CODE);
    // Not a lock: the user signs in again at once.
    const again = await logIn(user);
    expect(await statuses(again.access)).toEqual(WORKS);
  });

  it('read-only API tokens read everywhere and get 403 on every write; tokens expire', async () => {
    const user = await newUser();
    const session = await logIn(user);
    const created = await anon
      .as(session.access)
      .post('/v2/me/api-tokens', { name: 'dashboard', scope: 'read' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scope: 'read', expiresAt: null });
    const readOnly = anon.as(created.body.token);
    const me = await readOnly.get('/v2/me');
    expect(me.status).toBe(200);
    const accountId = me.body.accounts[0].id as string;
    const teams = await readOnly.get(`/v2/accounts/${accountId}/teams`);
    expect(teams.status).toBe(200);
    const teamId = teams.body.data[0].id as string;

    const v2Write = await readOnly.post(`/v2/teams/${teamId}/projects`, { name: 'Nope' });
    expect(v2Write.status).toBe(403);
    const gqlWrite = await readOnly.post('/graphql', {
      query: 'mutation($t: ID!) { createProject(teamId: $t, input: { name: "Nope" }) { id } }',
      variables: { t: teamId },
    });
    expect(gqlWrite.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const project = await anon
      .as(session.access)
      .post(`/v2/teams/${teamId}/projects`, { name: 'Mine' });
    expect(project.status).toBe(201);
    const v1Write = await anon.request(
      'PUT',
      `/v1/assets/${project.body.rootAssetId}`,
      { name: 'Renamed' },
      { authorization: `Bearer ${created.body.token}` },
    );
    expect(v1Write.status).toBe(403);
    const projects = await anon.as(session.access).get(`/v2/teams/${teamId}/projects`);
    expect(projects.body.data.map((p: { name: string }) => p.name)).toEqual(['Mine']);
    // …and reads work on /v1 and GraphQL too.
    expect(await statuses(created.body.token)).toEqual(WORKS);

    // Expiry: a token past its expiresAt is refused like a revoked one.
    const expiring = await anon.as(session.access).post('/v2/me/api-tokens', {
      name: 'short',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(expiring.status).toBe(201);
    expect((await anon.as(expiring.body.token).get('/v2/me')).status).toBe(200);
    const db = new (await import('pg')).Client({ connectionString: platform.databaseUrl });
    await db.connect();
    await db.query(`UPDATE api_tokens SET expires_at = now() WHERE id = $1`, [expiring.body.id]);
    await db.end();
    expect(await statuses(expiring.body.token)).toEqual(ENDED);
    const past = await anon
      .as(session.access)
      .post('/v2/me/api-tokens', { name: 'past', expiresAt: '2001-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
  });

  it('an API token cannot log out or change the password (it cannot end password sessions)', async () => {
    const user = await newUser();
    const session = await logIn(user);
    const created = await anon.as(session.access).post('/v2/me/api-tokens', { name: 'rw' });
    const token = anon.as(created.body.token);
    expect((await token.post('/v2/auth/logout', { allSessions: true })).status).toBe(403);
    expect(
      (
        await token.post('/v2/me/password', {
          currentPassword: user.password,
          newPassword: 'hijacked-password-1',
        })
      ).status,
    ).toBe(403);
    expect((await anon.as(session.access).get('/v2/me')).status).toBe(200);
    expect((await anon.post('/v2/auth/login', user)).status).toBe(200);
  });
});
