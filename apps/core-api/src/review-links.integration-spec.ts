import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { REVIEW_COMMENTS_PER_WINDOW } from '@dailies/core';
import { SignedUpUser, signUp } from './testing/fixtures';

const PUBLIC_URL = 'https://dailies.example.test';

describe('review links over HTTP', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let db: Client;
  let owner: SignedUpUser;
  let reviewer: SignedUpUser;
  let viewer: SignedUpUser;
  let stranger: SignedUpUser;
  let project: { id: string; rootAssetId: string };

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module], { PUBLIC_URL: `${PUBLIC_URL}/` });
    // baseUrl is PUBLIC_URL here: talk to the port the app really listens on.
    const address = platform.app.getHttpServer().address();
    anon = new TestClient(`http://127.0.0.1:${typeof address === 'object' && address?.port}`);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    owner = await signUp(anon, 'Olivia Owner');
    reviewer = await signUp(anon, 'Rita Reviewer');
    viewer = await signUp(anon, 'Victor Viewer');
    stranger = await signUp(anon, 'Stan Stranger');
    project = await newProject('Commercial');
    for (const [user, role] of [
      [reviewer, 'reviewer'],
      [viewer, 'viewer'],
    ] as const) {
      const added = await owner.client.post(`/v2/projects/${project.id}/collaborators`, {
        userId: user.userId,
        role,
      });
      expect(added.status).toBe(201);
    }
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  async function newProject(name: string) {
    const res = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, { name });
    expect(res.status).toBe(201);
    return res.body as { id: string; rootAssetId: string };
  }

  async function newAsset(
    type: 'file' | 'folder',
    name: string,
    parentId = project.rootAssetId,
    extra: Record<string, unknown> = {},
  ) {
    const res = await owner.client.post(`/v2/assets/${parentId}/children`, {
      type,
      name,
      ...(type === 'file' ? { filetype: 'video/mp4', filesize: 2048 } : {}),
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function newLink(body: Record<string, unknown>) {
    const res = await owner.client.post(`/v2/projects/${project.id}/review-links`, {
      name: 'Client review',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  const review = (code: string, path = '', password?: string) =>
    anon.get(`/v2/review/${code}${path}`, password ? { 'x-review-password': password } : {});

  const eventsOf = async (subjectId: string, name: string) =>
    (
      await db.query(
        'SELECT payload, actor, account_id, team_id, project_id, subject_type FROM events ' +
          'WHERE name = $1 AND subject_id = $2 ORDER BY position',
        [name, subjectId],
      )
    ).rows;

  const fieldsOf = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((e) => e.field);

  it('creates a link with a random code and URL; records review_link.created', async () => {
    const a = await newAsset('file', 'a.mov');
    const b = await newAsset('file', 'b.mov');
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await owner.client.post(`/v2/projects/${project.id}/review-links`, {
      name: '  Round 1  ',
      assetIds: [b, a],
      expiresAt,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      projectId: project.id,
      name: 'Round 1',
      hasPassword: false,
      active: true,
      expired: false,
      expiresAt,
      allowDownload: false,
      itemCount: 2,
      assetIds: [b, a],
      createdById: owner.userId,
    });
    expect(res.body.shortCode).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    expect(res.body.url).toBe(`${PUBLIC_URL}/review/${res.body.shortCode}`);
    expect(res.body).not.toHaveProperty('passwordHash');
    const second = await newLink({ assetIds: [a] });
    expect(second.shortCode).not.toBe(res.body.shortCode);

    const [event] = await eventsOf(res.body.id, 'review_link.created');
    expect(event).toMatchObject({
      account_id: owner.accountId,
      team_id: owner.teamId,
      project_id: project.id,
      subject_type: 'review_link',
      payload: { name: 'Round 1', assetIds: [b, a], hasPassword: false, expiresAt },
    });

    const got = await viewer.client.get(`/v2/review-links/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('validates the body and names each bad field or asset', async () => {
    const file = await newAsset('file', 'valid.mov');
    const folder = await newAsset('folder', 'Folder');
    const trashed = await newAsset('file', 'trashed.mov');
    expect((await owner.client.delete(`/v2/assets/${trashed}`)).status).toBe(204);
    const elsewhere = await newProject('Other');
    const foreign = await newAsset('file', 'foreign.mov', elsewhere.rootAssetId);
    const url = `/v2/projects/${project.id}/review-links`;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ assetIds: [] }, ['assetIds']],
      [{ assetIds: Array.from({ length: 501 }, () => file) }, ['assetIds']],
      [{ assetIds: [file, file] }, ['assetIds.1']],
      [
        { assetIds: [file, foreign, folder, trashed, 'nope'] },
        ['assetIds.1', 'assetIds.2', 'assetIds.3', 'assetIds.4'],
      ],
      [{ assetIds: [file], password: 'short' }, ['password']],
      [{ assetIds: [file], password: 'x'.repeat(201) }, ['password']],
      [{ assetIds: [file], expiresAt: '2020-01-01T00:00:00Z' }, ['expiresAt']],
      [{ assetIds: [file], expiresAt: 'tomorrow' }, ['expiresAt']],
      [{ assetIds: [file], allowDownload: 'yes' }, ['allowDownload']],
      [{ assetIds: [file], name: '' }, ['name']],
    ];
    for (const [body, fields] of cases) {
      const res = await owner.client.post(url, { name: 'Bad', ...body });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const named = await owner.client.post(url, { name: 'Bad', assetIds: [foreign] });
    expect(named.body.errors[0].message).toContain(foreign);
  });

  it('lets editors and up manage links, viewers read them, strangers see nothing', async () => {
    const file = await newAsset('file', 'roles.mov');
    const url = `/v2/projects/${project.id}/review-links`;
    expect((await reviewer.client.post(url, { name: 'x', assetIds: [file] })).status).toBe(403);
    expect((await stranger.client.post(url, { name: 'x', assetIds: [file] })).status).toBe(404);
    const link = await newLink({ assetIds: [file] });
    expect((await viewer.client.get(url)).status).toBe(200);
    expect((await stranger.client.get(url)).status).toBe(404);
    expect((await stranger.client.get(`/v2/review-links/${link.id}`)).status).toBe(404);
    expect((await reviewer.client.patch(`/v2/review-links/${link.id}`, { name: 'x' })).status).toBe(
      403,
    );
    expect((await reviewer.client.delete(`/v2/review-links/${link.id}`)).status).toBe(403);
    expect((await stranger.client.delete(`/v2/review-links/${link.id}`)).status).toBe(404);
  });

  it('lists links newest first with cursor pagination', async () => {
    const p = await newProject('Listing');
    const file = await newAsset('file', 'list.mov', p.rootAssetId);
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      const res = await owner.client.post(`/v2/projects/${p.id}/review-links`, {
        name,
        assetIds: [file],
      });
      ids.push(res.body.id);
    }
    const first = await owner.client.get(`/v2/projects/${p.id}/review-links?limit=2`);
    expect(first.body.data.map((l: { name: string }) => l.name)).toEqual(['three', 'two']);
    const rest = await owner.client.get(
      `/v2/projects/${p.id}/review-links?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.data.map((l: { name: string }) => l.name)).toEqual(['one']);
    expect(rest.body.data[0].assetIds).toEqual([file]);
    expect(rest.body.nextCursor).toBeNull();
    const bad = await owner.client.get(`/v2/projects/${p.id}/review-links?cursor=nope`);
    expect(bad.status).toBe(400);
  });

  it('opens the review page anonymously: exactly the shared assets, in link order', async () => {
    const first = await newAsset('file', 'first.mov', project.rootAssetId, {
      properties: { secret: 'internal budget' },
      duration: 12.5,
      fps: 24,
      frames: 300,
    });
    const second = await newAsset('file', 'second.mov');
    await newAsset('file', 'not-shared.mov');
    const link = await newLink({ assetIds: [second, first], allowDownload: true });
    const page = await review(link.shortCode);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      name: 'Client review',
      allowDownload: true,
      expiresAt: null,
    });
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([second, first]);
    expect(page.body.items[1]).toMatchObject({
      name: 'first.mov',
      type: 'file',
      filetype: 'video/mp4',
      filesize: 2048,
      duration: 12.5,
      fps: 24,
      frames: 300,
    });
    for (const item of page.body.items) {
      expect(item).not.toHaveProperty('properties');
      expect(item).not.toHaveProperty('creatorId');
      expect(item).not.toHaveProperty('projectId');
    }
    expect(JSON.stringify(page.body)).not.toContain('internal budget');

    expect((await owner.client.delete(`/v2/assets/${second}`)).status).toBe(204);
    const afterTrash = await review(link.shortCode);
    expect(afterTrash.body.items.map((i: { id: string }) => i.id)).toEqual([first]);
    const ownerView = await owner.client.get(`/v2/review-links/${link.id}`);
    expect(ownerView.body).toMatchObject({ assetIds: [first], itemCount: 1 });

    expect((await review('no-such-code')).status).toBe(404);
    expect((await review('x'.repeat(100))).status).toBe(404);
  });

  it('asks for the password, refuses a wrong one, opens with the right one', async () => {
    const file = await newAsset('file', 'locked.mov');
    const password = 'open sesame 42';
    const link = await newLink({ assetIds: [file], password });
    expect(link.hasPassword).toBe(true);

    const missing = await review(link.shortCode);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.type).toMatch(/review-password-required$/);
    expect(missing.body.detail).toContain('X-Review-Password');
    const wrong = await review(link.shortCode, '', 'open sesame 41');
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toMatch(/review-password-invalid$/);
    const right = await review(link.shortCode, '', password);
    expect(right.status).toBe(200);
    expect(right.body.items.map((i: { id: string }) => i.id)).toEqual([file]);
    expect((await review(link.shortCode, `/assets/${file}/comments`)).status).toBe(401);
    expect((await review(link.shortCode, `/assets/${file}/comments`, password)).status).toBe(200);

    const stored = await db.query('SELECT password_hash FROM review_links WHERE id = $1', [
      link.id,
    ]);
    expect(stored.rows[0].password_hash).toMatch(/^\$scrypt\$/);
    const events = await db.query('SELECT payload::text AS p FROM events WHERE subject_id = $1', [
      link.id,
    ]);
    for (const { p } of events.rows) {
      expect(p).not.toContain(password);
      expect(p).not.toContain('$scrypt$');
    }
  });

  it('throttles wrong passwords per link and IP with 429 and Retry-After', async () => {
    const file = await newAsset('file', 'guarded.mov');
    const password = 'the right one';
    const link = await newLink({ assetIds: [file], password });
    const other = await newLink({ assetIds: [file], password });
    for (let i = 0; i < 10; i += 1) {
      expect((await review(link.shortCode, '', `guess number ${i}`)).status).toBe(401);
    }
    const blocked = await review(link.shortCode, '', password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.type).toMatch(/rate-limited$/);
    // Another link is not affected.
    expect((await review(other.shortCode, '', password)).status).toBe(200);
  });

  it('throttles anonymous comments per link and IP against spam, and counts only stored ones', async () => {
    const file = await newAsset('file', 'popular.mov');
    const link = await newLink({ assetIds: [file] });
    const other = await newLink({ assetIds: [file] });
    const post = (code: string, text: string) =>
      anon.post(`/v2/review/${code}/assets/${file}/comments`, { name: 'Fan', text });
    // A refused comment (invalid) is not counted.
    expect((await post(link.shortCode, '')).status).toBe(400);
    for (let i = 0; i < REVIEW_COMMENTS_PER_WINDOW; i += 1) {
      expect((await post(link.shortCode, `note ${i}`)).status).toBe(201);
    }
    const blocked = await post(link.shortCode, 'one too many');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const stored = await db.query(
      'SELECT count(*)::int AS n FROM comments WHERE review_link_id = $1',
      [link.id],
    );
    expect(stored.rows[0].n).toBe(REVIEW_COMMENTS_PER_WINDOW);
    // Another link is not affected.
    expect((await post(other.shortCode, 'still welcome')).status).toBe(201);
  });

  it('answers 410 for expired and turned-off links', async () => {
    const file = await newAsset('file', 'gone.mov');
    const link = await newLink({ assetIds: [file] });
    await db.query(
      "UPDATE review_links SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [link.id],
    );
    const expired = await review(link.shortCode);
    expect(expired.status).toBe(410);
    expect(expired.body.type).toMatch(/review-link-expired$/);
    expect((await review(link.shortCode, `/assets/${file}/comments`)).status).toBe(410);
    expect((await owner.client.get(`/v2/review-links/${link.id}`)).body.expired).toBe(true);

    const renewed = await owner.client.patch(`/v2/review-links/${link.id}`, { expiresAt: null });
    expect(renewed.body).toMatchObject({ expiresAt: null, expired: false });
    expect((await review(link.shortCode)).status).toBe(200);

    const off = await owner.client.patch(`/v2/review-links/${link.id}`, { active: false });
    expect(off.body.active).toBe(false);
    const inactive = await review(link.shortCode);
    expect(inactive.status).toBe(410);
    expect(inactive.body.type).toMatch(/review-link-inactive$/);
    await owner.client.patch(`/v2/review-links/${link.id}`, { active: true });
    expect((await review(link.shortCode)).status).toBe(200);
  });

  it('changes settings, password and assets; records the changed keys only', async () => {
    const a = await newAsset('file', 'patch-a.mov');
    const b = await newAsset('file', 'patch-b.mov');
    const link = await newLink({ assetIds: [a] });
    const same = await owner.client.patch(`/v2/review-links/${link.id}`, { name: 'Client review' });
    expect(same.status).toBe(200);
    expect(await eventsOf(link.id, 'review_link.updated')).toHaveLength(0);

    const changed = await owner.client.patch(`/v2/review-links/${link.id}`, {
      name: 'Round 2',
      password: 'new secret 123',
      allowDownload: true,
      assetIds: [b, a],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Round 2',
      hasPassword: true,
      allowDownload: true,
      assetIds: [b, a],
      itemCount: 2,
      shortCode: link.shortCode,
    });
    const [event] = await eventsOf(link.id, 'review_link.updated');
    expect(event.payload.changes.sort()).toEqual(
      ['allowDownload', 'assetIds', 'name', 'password'].sort(),
    );
    expect(JSON.stringify(event.payload)).not.toContain('new secret 123');
    expect((await review(link.shortCode, '', 'new secret 123')).body.items).toHaveLength(2);

    const unlocked = await owner.client.patch(`/v2/review-links/${link.id}`, { password: null });
    expect(unlocked.body.hasPassword).toBe(false);
    expect((await review(link.shortCode)).status).toBe(200);

    for (const [body, field] of [
      [{ password: 'short' }, 'password'],
      [{ expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [{ assetIds: [] }, 'assetIds'],
      [{ active: 'no' }, 'active'],
      [{ shortCode: 'mine' }, '(body)'],
    ] as const) {
      const res = await owner.client.patch(`/v2/review-links/${link.id}`, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
  });

  it('deletes a link: its code stops working, its comments stay', async () => {
    const file = await newAsset('file', 'deleted-link.mov');
    const link = await newLink({ assetIds: [file] });
    const posted = await anon.post(`/v2/review/${link.shortCode}/assets/${file}/comments`, {
      name: 'Carla',
      text: 'Looks good',
    });
    expect(posted.status).toBe(201);
    expect((await owner.client.delete(`/v2/review-links/${link.id}`)).status).toBe(204);
    expect((await review(link.shortCode)).status).toBe(404);
    expect((await owner.client.get(`/v2/review-links/${link.id}`)).status).toBe(404);
    const [event] = await eventsOf(link.id, 'review_link.deleted');
    expect(event.payload).toEqual({ name: 'Client review' });
    const comments = await owner.client.get(`/v2/assets/${file}/comments`);
    expect(comments.body.data.map((c: { text: string }) => c.text)).toEqual(['Looks good']);
  });

  it('lets anonymous reviewers read and write comments on shared assets only', async () => {
    const shared = await newAsset('file', 'shared.mov');
    const unshared = await newAsset('file', 'unshared.mov');
    const link = await newLink({ assetIds: [shared] });
    const secret = await owner.client.post(`/v2/assets/${shared}/comments`, {
      text: 'internal: budget is tight',
      private: true,
    });
    expect(secret.status).toBe(201);
    const visible = await owner.client.post(`/v2/assets/${shared}/comments`, {
      text: 'Please check the logo',
      timestamp: 48,
    });
    await owner.client.post(`/v2/comments/${secret.body.id}/replies`, { text: 'internal reply' });

    const base = `/v2/review/${link.shortCode}/assets`;
    const read = await anon.get(`${base}/${shared}/comments`);
    expect(read.status).toBe(200);
    expect(read.body.data.map((c: { text: string }) => c.text)).toEqual(['Please check the logo']);
    expect(JSON.stringify(read.body)).not.toContain('internal');
    expect(read.body.data[0]).toMatchObject({ id: visible.body.id, replies: [], likedByMe: false });
    // Signed-in callers are anonymous reviewers here too: still no private comments.
    const asOwner = await owner.client.get(`${base}/${shared}/comments`);
    expect(JSON.stringify(asOwner.body)).not.toContain('internal');

    const posted = await anon.post(`${base}/${shared}/comments`, {
      name: '  Carla Client ',
      text: 'Logo is fine now',
      timestamp: 96,
      duration: 12,
      annotation: { box: [0, 0, 0.5, 0.5] },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      assetId: shared,
      author: { id: null, name: 'Carla Client', anonymous: true },
      text: 'Logo is fine now',
      timestamp: 96,
      duration: 12,
      private: false,
      replies: [],
    });
    const [event] = await eventsOf(posted.body.id, 'comment.created');
    expect(event.actor).toEqual({
      type: 'anonymous',
      displayName: 'Carla Client',
      reviewLinkId: link.id,
    });
    expect(event.payload).toMatchObject({
      authorId: null,
      authorName: 'Carla Client',
      reviewLinkId: link.id,
      private: false,
    });
    const signedIn = await viewer.client.get(`/v2/assets/${shared}/comments?sort=time`);
    expect(signedIn.body.data.map((c: { author: { name: string } }) => c.author)).toEqual([
      { id: owner.userId, name: 'Olivia Owner' },
      { id: null, name: 'Carla Client', anonymous: true },
    ]);

    for (const [body, field] of [
      [{ text: 'no name' }, 'name'],
      [{ name: 'x'.repeat(101), text: 'long name' }, 'name'],
      [{ name: 'Carla', text: '' }, 'text'],
      [{ name: 'Carla', text: 'secret', private: true }, '(body)'],
      [{ name: 'Carla', text: 'hi', mentions: [owner.userId] }, '(body)'],
      [{ name: 'Carla', text: 'hi', annotation: { blob: 'x'.repeat(256 * 1024) } }, 'annotation'],
    ] as const) {
      const res = await anon.post(`${base}/${shared}/comments`, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }

    expect((await anon.get(`${base}/${unshared}/comments`)).status).toBe(404);
    const write = await anon.post(`${base}/${unshared}/comments`, { name: 'Carla', text: 'hi' });
    expect(write.status).toBe(404);
    expect((await anon.get(`${base}/${project.rootAssetId}/comments`)).status).toBe(404);
    expect((await anon.get(`${base}/not-an-id/comments`)).status).toBe(404);
  });

  it('shares a version stack: its head version takes the comments, older versions stay closed', async () => {
    const v1 = await newAsset('file', 'spot-v1.mov');
    const v2 = await newAsset('file', 'spot-v2.mov');
    const stacked = await owner.client.post(`/v2/assets/${v1}/version`, { nextAssetId: v2 });
    expect(stacked.status).toBe(201);
    const stackId = stacked.body.id as string;
    const link = await newLink({ assetIds: [stackId] });

    const page = await review(link.shortCode);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      id: stackId,
      type: 'version_stack',
      versionCount: 2,
      headVersion: { id: v2, name: 'spot-v2.mov', version: 2 },
    });

    const base = `/v2/review/${link.shortCode}/assets`;
    const viaStack = await anon.post(`${base}/${stackId}/comments`, { name: 'Dan', text: 'v2 ok' });
    expect(viaStack.status).toBe(201);
    expect(viaStack.body.assetId).toBe(v2);
    const viaHead = await anon.get(`${base}/${v2}/comments`);
    expect(viaHead.status).toBe(200);
    expect(viaHead.body.data.map((c: { text: string }) => c.text)).toEqual(['v2 ok']);
    expect((await anon.get(`${base}/${v1}/comments`)).status).toBe(404);
  });

  it('takes no anonymous comments on archived projects', async () => {
    const p = await newProject('Archived review');
    const file = await newAsset('file', 'archived.mov', p.rootAssetId);
    const res = await owner.client.post(`/v2/projects/${p.id}/review-links`, {
      name: 'Old',
      assetIds: [file],
    });
    expect(res.status).toBe(201);
    expect((await owner.client.patch(`/v2/projects/${p.id}`, { archived: true })).status).toBe(200);
    expect((await review(res.body.shortCode)).status).toBe(200);
    const posted = await anon.post(`/v2/review/${res.body.shortCode}/assets/${file}/comments`, {
      name: 'Late',
      text: 'too late',
    });
    expect(posted.status).toBe(409);
  });
});
