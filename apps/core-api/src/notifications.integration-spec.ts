import {
  startTestPlatform,
  TestClient,
  TestPlatform,
  joinAccountWithConsent,
} from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { newId } from '@dailies/db';
import { Client } from 'pg';
import { SignedUpUser, signUp } from './testing/fixtures';

/** The event runtime and the notifications consumer, as the platform would run them. */

describe('notifications over HTTP (/v2/me/notification*)', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let db: Client;
  let owner: SignedUpUser;
  let reader: SignedUpUser;
  let bystander: SignedUpUser;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    owner = await signUp(anon, 'Olga');
    reader = await signUp(anon, 'Reader');
    bystander = await signUp(anon, 'Bystander');
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  /** Seconds in the past of the next seeded notification: each is newer than the one before. */
  let age = 100_000;
  /** Stores notifications straight away (the consumer's own tests cover how they are made). */
  const seed = async (userId: string, count: number, read = false) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = newId();
      ids.push(id);
      await db.query(
        `INSERT INTO notifications (id, user_id, event_id, kind, actor_name, title, read_at, created_at)
         VALUES ($1, $2, $3, 'comment', 'Ana', $4, $5, now() - make_interval(secs => $6))`,
        [id, userId, newId(), `Note ${i}`, read ? new Date() : null, (age -= 1)],
      );
    }
    return ids; // oldest first
  };

  const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('notifies a user added to a project, end to end through the event runtime', async () => {
    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Feature cut',
    });
    expect(project.status).toBe(201);
    // A member of the account is added directly (no consent step), so they are told.
    await joinAccountWithConsent(owner.client, owner.accountId, reader);
    const added = await owner.client.post(`/v2/projects/${project.body.id}/collaborators`, {
      userId: reader.userId,
      role: 'reviewer',
    });
    expect(added.status).toBe(201);
    const inbox = await eventually(
      () => reader.client.get('/v2/me/notifications'),
      (res) => res.body.data?.length > 0,
    );
    expect(inbox.status).toBe(200);
    expect(inbox.body).toEqual({
      data: [
        {
          id: expect.any(String),
          kind: 'added_to_project',
          title: 'Olga added you to Feature cut',
          body: 'You can now work on it as a reviewer',
          read: false,
          readAt: null,
          accountId: owner.accountId,
          projectId: project.body.id,
          assetId: null,
          commentId: null,
          actorId: owner.userId,
          actorName: 'Olga',
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
      unreadCount: 1,
    });
    // The owner acted: nothing for them.
    const own = await owner.client.get('/v2/me/notifications');
    expect(own.body).toEqual({ data: [], nextCursor: null, unreadCount: 0 });
    // Marking it read records an event.
    const read = await reader.client.post('/v2/me/notifications/read', { all: true });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unreadCount: 0 });
    const events = await db.query(
      `SELECT payload, subject_type, subject_id FROM events WHERE name = 'notification.read'`,
    );
    expect(events.rows).toEqual([
      { payload: { count: 1, all: true }, subject_type: 'user', subject_id: reader.userId },
    ]);
  });

  it('pages newest first, filters unread, and counts unread on every page', async () => {
    const user = await signUp(anon, 'Pager');
    const older = await seed(user.userId, 2, true);
    const newer = await seed(user.userId, 3);
    const expected = [...older, ...newer].reverse();
    const first = await user.client.get('/v2/me/notifications?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data.map((n: { id: string }) => n.id)).toEqual(expected.slice(0, 2));
    expect(first.body.unreadCount).toBe(3);
    const second = await user.client.get(
      `/v2/me/notifications?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.data.map((n: { id: string }) => n.id)).toEqual(expected.slice(2, 4));
    const third = await user.client.get(
      `/v2/me/notifications?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.data.map((n: { id: string }) => n.id)).toEqual(expected.slice(4));
    expect(third.body.nextCursor).toBeNull();

    const unread = await user.client.get('/v2/me/notifications?unread=true');
    expect(unread.body.data.map((n: { id: string }) => n.id)).toEqual([...newer].reverse());
    expect(unread.body.data.every((n: { read: boolean }) => !n.read)).toBe(true);

    const bad = await user.client.get('/v2/me/notifications?unread=maybe&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'limit',
      'unread',
    ]);
    const forged = await user.client.get('/v2/me/notifications?cursor=bm9wZQ');
    expect(forged.status).toBe(400);
  });

  it('leaves e-mail-only notifications out of the inbox', async () => {
    const user = await signUp(anon, 'Mailer');
    await seed(user.userId, 1);
    await db.query(
      `INSERT INTO notifications (id, user_id, event_id, kind, actor_name, title, read_at)
       VALUES ($1, $2, $3, 'mention', 'Ana', 'Mail only', to_timestamp(0))`,
      [newId(), user.userId, newId()],
    );
    const inbox = await user.client.get('/v2/me/notifications');
    expect(inbox.body.data.map((n: { title: string }) => n.title)).toEqual(['Note 0']);
    expect(inbox.body.unreadCount).toBe(1);
  });

  it('marks read by ids only the caller’s own, and all of them on request', async () => {
    const user = await signUp(anon, 'Marker');
    const mine = await seed(user.userId, 4);
    const theirs = await seed(bystander.userId, 2);
    const res = await user.client.post('/v2/me/notifications/read', {
      ids: [mine[0], mine[1], theirs[0], newId(), 'not-an-id'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unreadCount: 2 });
    const again = await user.client.post('/v2/me/notifications/read', { ids: [mine[0]] });
    expect(again.body).toEqual({ unreadCount: 2 });

    const listed = await user.client.get('/v2/me/notifications');
    const readIds = listed.body.data
      .filter((n: { read: boolean; readAt: string | null }) => n.read && n.readAt)
      .map((n: { id: string }) => n.id);
    expect(readIds.sort()).toEqual([mine[0], mine[1]].sort());

    const all = await user.client.post('/v2/me/notifications/read', { all: true });
    expect(all.body).toEqual({ unreadCount: 0 });
    const bystanders = await bystander.client.get('/v2/me/notifications?unread=true');
    expect(bystanders.body.unreadCount).toBe(2);
    expect(bystanders.body.data.map((n: { id: string }) => n.id).sort()).toEqual(
      [...theirs].sort(),
    );

    const { rows } = await db.query(
      `SELECT payload FROM events WHERE name = 'notification.read' AND subject_id = $1
       ORDER BY position`,
      [user.userId],
    );
    // The repeated mark changed nothing, so it recorded nothing.
    expect(rows.map((r) => r.payload)).toEqual([
      { count: 2, all: false },
      { count: 2, all: true },
    ]);
  });

  it('rejects a read request that is neither ids nor all', async () => {
    for (const body of [
      {},
      { all: false },
      { ids: [] },
      { ids: ['x'], all: true },
      { every: true },
    ]) {
      const res = await reader.client.post('/v2/me/notifications/read', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    expect((await anon.post('/v2/me/notifications/read', { all: true })).status).toBe(401);
  });

  it('stores preferences, answers them merged over the defaults, and names bad paths', async () => {
    const user = await signUp(anon, 'Chooser');
    const initial = await user.client.get('/v2/me/notification-preferences');
    expect(initial.status).toBe(200);
    expect(initial.body.defaults.mention).toEqual({ inApp: true, email: 'immediately' });
    expect(initial.body.defaults.upload).toEqual({ inApp: true, email: 'daily' });
    expect(initial.body.projects).toEqual({});

    const projectId = newId();
    const put = await user.client.put('/v2/me/notification-preferences', {
      defaults: { comment: { email: 'hourly' } },
      projects: { [projectId]: { comment: { inApp: false }, upload: { email: 'never' } } },
    });
    expect(put.status).toBe(200);
    const got = await user.client.get('/v2/me/notification-preferences');
    expect(got.body).toEqual(put.body);
    expect(got.body.defaults.comment).toEqual({ inApp: true, email: 'hourly' });
    expect(got.body.defaults.reply).toEqual({ inApp: true, email: 'immediately' });
    expect(got.body.projects[projectId].comment).toEqual({ inApp: false, email: 'hourly' });
    expect(got.body.projects[projectId].upload).toEqual({ inApp: true, email: 'never' });
    expect(Object.keys(got.body.projects[projectId])).toHaveLength(8);

    const { rows } = await db.query(
      'SELECT preferences FROM notification_settings WHERE user_id = $1',
      [user.userId],
    );
    expect(rows[0].preferences.defaults).toEqual({ comment: { email: 'hourly' } });

    const bad = await user.client.put('/v2/me/notification-preferences', {
      defaults: { gossip: { inApp: true }, comment: { email: 'weekly' } },
      projects: { 'not-a-project': {} },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'defaults.comment.email',
      'defaults.gossip',
      'projects.not-a-project',
    ]);
    // Unchanged after the rejected PUT; the accepted one recorded an event.
    expect((await user.client.get('/v2/me/notification-preferences')).body).toEqual(put.body);
    const events = await db.query(
      `SELECT payload FROM events WHERE name = 'notification.preferences_updated' AND subject_id = $1`,
      [user.userId],
    );
    expect(events.rows).toEqual([{ payload: { projectCount: 1 } }]);
  });
});
