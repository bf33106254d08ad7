import { PUBLIC_URL, reviewLinksSuite } from './testing/review-links-kit';

/** Review links as their owners manage them: create, validate, roles, list, change, delete. */
describe('review links over HTTP', () => {
  const { s, newProject, newAsset, newLink, review, eventsOf, fieldsOf } = reviewLinksSuite();

  it('creates a link with a random code and URL; records review_link.created', async () => {
    const a = await newAsset('file', 'a.mov');
    const b = await newAsset('file', 'b.mov');
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await s.owner.client.post(`/v2/projects/${s.project.id}/review-links`, {
      name: '  Round 1  ',
      assetIds: [b, a],
      expiresAt,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      projectId: s.project.id,
      name: 'Round 1',
      hasPassword: false,
      active: true,
      expired: false,
      expiresAt,
      allowDownload: false,
      itemCount: 2,
      assetIds: [b, a],
      createdById: s.owner.userId,
    });
    expect(res.body.shortCode).toMatch(/^[A-Za-z0-9_-]{10,}$/);
    expect(res.body.url).toBe(`${PUBLIC_URL}/review/${res.body.shortCode}`);
    expect(res.body).not.toHaveProperty('passwordHash');
    const second = await newLink({ assetIds: [a] });
    expect(second.shortCode).not.toBe(res.body.shortCode);

    const [event] = await eventsOf(res.body.id, 'review_link.created');
    expect(event).toMatchObject({
      account_id: s.owner.accountId,
      team_id: s.owner.teamId,
      project_id: s.project.id,
      subject_type: 'review_link',
      payload: { name: 'Round 1', assetIds: [b, a], hasPassword: false, expiresAt },
    });

    const got = await s.owner.client.get(`/v2/review-links/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect(got.body.allowComments).toBe(true);
  });

  it('validates the body and names each bad field or asset', async () => {
    const file = await newAsset('file', 'valid.mov');
    const folder = await newAsset('folder', 'Folder');
    const trashed = await newAsset('file', 'trashed.mov');
    expect((await s.owner.client.delete(`/v2/assets/${trashed}`)).status).toBe(204);
    const elsewhere = await newProject('Other');
    const foreign = await newAsset('file', 'foreign.mov', elsewhere.rootAssetId);
    const url = `/v2/projects/${s.project.id}/review-links`;
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
      const res = await s.owner.client.post(url, { name: 'Bad', ...body });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const named = await s.owner.client.post(url, { name: 'Bad', assetIds: [foreign] });
    expect(named.body.errors[0].message).toContain(foreign);
  });

  it('lets editors and up manage and read links; viewers and reviewers get 403, strangers 404', async () => {
    const file = await newAsset('file', 'roles.mov');
    const url = `/v2/projects/${s.project.id}/review-links`;
    expect((await s.reviewer.client.post(url, { name: 'x', assetIds: [file] })).status).toBe(403);
    expect((await s.stranger.client.post(url, { name: 'x', assetIds: [file] })).status).toBe(404);
    const link = await newLink({ assetIds: [file] });
    // A link's URL opens the shared assets without an account: only its managers see links.
    for (const member of [s.viewer, s.reviewer]) {
      expect((await member.client.get(url)).status).toBe(403);
      expect((await member.client.get(`/v2/review-links/${link.id}`)).status).toBe(403);
    }
    expect((await s.owner.client.get(url)).status).toBe(200);
    expect((await s.stranger.client.get(url)).status).toBe(404);
    expect((await s.stranger.client.get(`/v2/review-links/${link.id}`)).status).toBe(404);
    expect(
      (await s.reviewer.client.patch(`/v2/review-links/${link.id}`, { name: 'x' })).status,
    ).toBe(403);
    expect((await s.reviewer.client.delete(`/v2/review-links/${link.id}`)).status).toBe(403);
    expect((await s.stranger.client.delete(`/v2/review-links/${link.id}`)).status).toBe(404);
  });

  it('refuses anonymous comments server-side when the link does not take them', async () => {
    const file = await newAsset('file', 'look-only.mov');
    const link = await newLink({ assetIds: [file], allowComments: false });
    expect(link.allowComments).toBe(false);
    const page = await review(link.shortCode);
    expect(page.status).toBe(200);
    expect(page.body.allowComments).toBe(false);
    const comment = () =>
      s.anon.post(`/v2/review/${link.shortCode}/assets/${file}/comments`, {
        name: 'Victor (a viewer, anonymous here)',
        text: 'I should not be able to say this',
      });
    const refused = await comment();
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('review_comments_disabled');
    const stored = await s.db.query('SELECT 1 FROM comments WHERE review_link_id = $1', [link.id]);
    expect(stored.rowCount).toBe(0);
    // The setting is the link's: turning it on lets the same request through.
    const on = await s.owner.client.patch(`/v2/review-links/${link.id}`, { allowComments: true });
    expect(on.status).toBe(200);
    expect((await comment()).status).toBe(201);
  });

  it('lists links newest first with cursor pagination', async () => {
    const p = await newProject('Listing');
    const file = await newAsset('file', 'list.mov', p.rootAssetId);
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      const res = await s.owner.client.post(`/v2/projects/${p.id}/review-links`, {
        name,
        assetIds: [file],
      });
      ids.push(res.body.id);
    }
    const first = await s.owner.client.get(`/v2/projects/${p.id}/review-links?limit=2`);
    expect(first.body.data.map((l: { name: string }) => l.name)).toEqual(['three', 'two']);
    const rest = await s.owner.client.get(
      `/v2/projects/${p.id}/review-links?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(rest.body.data.map((l: { name: string }) => l.name)).toEqual(['one']);
    expect(rest.body.data[0].assetIds).toEqual([file]);
    expect(rest.body.nextCursor).toBeNull();
    const bad = await s.owner.client.get(`/v2/projects/${p.id}/review-links?cursor=nope`);
    expect(bad.status).toBe(400);
  });

  it('changes settings, password and assets; records the changed keys only', async () => {
    const a = await newAsset('file', 'patch-a.mov');
    const b = await newAsset('file', 'patch-b.mov');
    const link = await newLink({ assetIds: [a] });
    const same = await s.owner.client.patch(`/v2/review-links/${link.id}`, {
      name: 'Client review',
    });
    expect(same.status).toBe(200);
    expect(await eventsOf(link.id, 'review_link.updated')).toHaveLength(0);

    const changed = await s.owner.client.patch(`/v2/review-links/${link.id}`, {
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

    const unlocked = await s.owner.client.patch(`/v2/review-links/${link.id}`, { password: null });
    expect(unlocked.body.hasPassword).toBe(false);
    expect((await review(link.shortCode)).status).toBe(200);

    for (const [body, field] of [
      [{ password: 'short' }, 'password'],
      [{ expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [{ assetIds: [] }, 'assetIds'],
      [{ active: 'no' }, 'active'],
      [{ shortCode: 'mine' }, '(body)'],
    ] as const) {
      const res = await s.owner.client.patch(`/v2/review-links/${link.id}`, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
  });

  it('deletes a link: its code stops working, its comments stay', async () => {
    const file = await newAsset('file', 'deleted-link.mov');
    const link = await newLink({ assetIds: [file] });
    const posted = await s.anon.post(`/v2/review/${link.shortCode}/assets/${file}/comments`, {
      name: 'Carla',
      text: 'Looks good',
    });
    expect(posted.status).toBe(201);
    expect((await s.owner.client.delete(`/v2/review-links/${link.id}`)).status).toBe(204);
    expect((await review(link.shortCode)).status).toBe(404);
    expect((await s.owner.client.get(`/v2/review-links/${link.id}`)).status).toBe(404);
    const [event] = await eventsOf(link.id, 'review_link.deleted');
    expect(event.payload).toEqual({ name: 'Client review' });
    const comments = await s.owner.client.get(`/v2/assets/${file}/comments`);
    expect(comments.body.data.map((c: { text: string }) => c.text)).toEqual(['Looks good']);
  });
});
