import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';

/** The asset tree over HTTP: create, read, update, upload, order, move, copy. */
describe('assets over HTTP', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let db: Client;
  let owner: SignedUpUser;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    owner = await signUp(anon, 'Editor');
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  const newProject = async (user = owner, name = 'Feature film') => {
    const res = await user.client.post(`/v2/teams/${user.teamId}/projects`, { name });
    expect(res.status).toBe(201);
    return { projectId: res.body.id as string, root: res.body.rootAssetId as string };
  };
  const add = async (parentId: string, body: Record<string, unknown>, user = owner) => {
    const res = await user.client.post(`/v2/assets/${parentId}/children`, body);
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const childNames = async (parentId: string, query = '') => {
    const res = await owner.client.get(`/v2/assets/${parentId}/children${query}`);
    expect(res.status).toBe(200);
    return res.body.data.map((a: { name: string }) => a.name);
  };
  /** Follows nextCursor to the end; the names seen and the number of pages. */
  const pageThrough = async (path: string) => {
    const names: string[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { data: { name: string }[]; nextCursor: string | null };
      } = await owner.client.get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      names.push(...page.body.data.map((a) => a.name));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    return { names, pages };
  };
  const eventsOf = async (subjectId: string) =>
    (
      await db.query<{ name: string; payload: Record<string, unknown> }>(
        'SELECT name, payload FROM events WHERE subject_id = $1 ORDER BY position',
        [subjectId],
      )
    ).rows;

  it('creates folders (ready) and files (uploading, with upload instructions)', async () => {
    const { projectId, root } = await newProject();
    const folder = await add(root, { type: 'folder', name: 'Dailies' });
    expect(folder).toMatchObject({
      projectId,
      parentId: root,
      type: 'folder',
      name: 'Dailies',
      status: 'ready',
      label: 'none',
      version: 1,
      creatorId: owner.userId,
      legacyId: null,
    });
    expect(folder).not.toHaveProperty('upload');

    const file = await add(folder.id, {
      type: 'file',
      name: 'A001_C002.mov',
      filetype: 'Video/QuickTime',
      filesize: 123456789,
      duration: 12.5,
      fps: 23.976,
      frames: 300,
      properties: { scene: 12, take: 3 },
    });
    expect(file).toMatchObject({
      type: 'file',
      status: 'uploading',
      filetype: 'video/quicktime',
      filesize: 123456789,
      duration: 12.5,
      fps: 23.976,
      frames: 300,
      upload: {
        method: 'PUT',
        url: null,
        expiresAt: null,
        completeUrl: `/v2/assets/${file.id}/upload-complete`,
      },
    });

    const one = await owner.client.get(`/v2/assets/${file.id}`);
    expect(one.status).toBe(200);
    expect(one.body.properties).toEqual({ scene: 12, take: 3 });
    expect(one.body).not.toHaveProperty('upload');
    const listed = await owner.client.get(`/v2/assets/${folder.id}/children`);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).not.toHaveProperty('properties');
    expect(listed.body.data[0].filesize).toBe(123456789);

    expect(await eventsOf(file.id)).toEqual([
      {
        name: 'asset.created',
        payload: {
          parentId: folder.id,
          type: 'file',
          name: 'A001_C002.mov',
          filetype: 'video/quicktime',
          filesize: 123456789,
          creatorId: owner.userId,
        },
      },
    ]);
  });

  it('names each invalid field and refuses children of files (409) and unknown parents (404)', async () => {
    const { root } = await newProject();
    const bad = async (body: unknown) => {
      const res = await owner.client.post(`/v2/assets/${root}/children`, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return res.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await bad({ type: 'stack', name: 'x' })).toContain('type');
    expect(await bad({ type: 'folder', name: '  ' })).toContain('name');
    expect(await bad({ type: 'folder', name: 'x', filetype: 'video/mp4' })).toContain('filetype');
    expect(await bad({ type: 'file', name: 'x', filesize: -1 })).toContain('filesize');
    expect(await bad({ type: 'file', name: 'x', properties: [1] })).toContain('properties');
    expect(await bad({ type: 'file', name: 'x', colour: 'red' })).toContain('(body)');

    const file = await add(root, { type: 'file', name: 'still.png' });
    const inFile = await owner.client.post(`/v2/assets/${file.id}/children`, {
      type: 'folder',
      name: 'Nope',
    });
    expect(inFile.status).toBe(409);
    const unknown = await owner.client.post(
      '/v2/assets/0190a000-0000-7000-8000-000000000000/children',
      {
        type: 'folder',
        name: 'Nope',
      },
    );
    expect(unknown.status).toBe(404);
    expect((await owner.client.get('/v2/assets/not-a-uuid')).status).toBe(404);
  });

  it('completes an upload once: video/audio go to transcoding, anything else to ready', async () => {
    const { root } = await newProject();
    const video = await add(root, { type: 'file', name: 'cut.mp4', filetype: 'video/mp4' });
    const done = await owner.client.put(`/v2/assets/${video.id}/upload-complete`, {
      filesize: 5000,
      duration: 2,
      fps: 25,
      frames: 50,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'transcoding', filesize: 5000, frames: 50 });
    const again = await owner.client.put(`/v2/assets/${video.id}/upload-complete`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already completed/);

    const still = await add(root, { type: 'file', name: 'still', filesize: 10 });
    const ready = await owner.client.put(`/v2/assets/${still.id}/upload-complete`, {
      filetype: 'image/png',
    });
    expect(ready.body).toMatchObject({ status: 'ready', filetype: 'image/png', filesize: 10 });

    const folder = await add(root, { type: 'folder', name: 'F' });
    expect((await owner.client.put(`/v2/assets/${folder.id}/upload-complete`, {})).status).toBe(
      409,
    );
    const completed = (await eventsOf(video.id)).find((e) => e.name === 'asset.upload_completed');
    expect(completed?.payload).toEqual({
      filesize: 5000,
      status: 'transcoding',
      filetype: 'video/mp4',
      creatorId: owner.userId,
    });
  });

  it('renames, relabels and replaces properties, with one event per real change', async () => {
    const { root } = await newProject();
    const file = await add(root, { type: 'file', name: 'old.mov', properties: { a: 1, b: 2 } });
    const res = await owner.client.patch(`/v2/assets/${file.id}`, {
      name: 'new.mov',
      label: 'needs_review',
      properties: { a: 1, b: 3, c: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'new.mov',
      label: 'needs_review',
      properties: { a: 1, b: 3, c: true },
    });
    // The same values again change nothing and raise nothing.
    expect((await owner.client.patch(`/v2/assets/${file.id}`, { name: 'new.mov' })).status).toBe(
      200,
    );
    const events = (await eventsOf(file.id)).filter((e) => e.name !== 'asset.created');
    expect(events).toEqual([
      {
        name: 'asset.renamed',
        payload: { from: 'old.mov', to: 'new.mov', creatorId: owner.userId },
      },
      {
        name: 'asset.label_changed',
        payload: { from: 'none', to: 'needs_review', creatorId: owner.userId },
      },
      { name: 'asset.properties_changed', payload: { keys: ['b', 'c'], creatorId: owner.userId } },
    ]);

    const empty = await owner.client.patch(`/v2/assets/${file.id}`, {});
    expect(empty.status).toBe(400);
    const badLabel = await owner.client.patch(`/v2/assets/${file.id}`, { label: 'great' });
    expect(badLabel.body.errors[0].field).toBe('label');
    const huge = await owner.client.patch(`/v2/assets/${file.id}`, {
      properties: { blob: 'x'.repeat(1024 * 1024 + 1) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.detail).toMatch(/too large/);
  });

  it('lets reviewers and viewers look but not change (403), and hides everything from others (404)', async () => {
    const { projectId, root } = await newProject();
    const file = await add(root, { type: 'file', name: 'shot.mov' });
    const reviewer = await signUp(anon, 'Reviewer');
    const viewer = await signUp(anon, 'Viewer');
    const stranger = await signUp(anon, 'Stranger');
    for (const [user, role] of [
      [reviewer, 'reviewer'],
      [viewer, 'viewer'],
    ] as const) {
      const added = await owner.client.post(`/v2/projects/${projectId}/collaborators`, {
        email: user.email,
        role,
      });
      expect(added.status).toBe(201);
      expect((await user.client.get(`/v2/assets/${file.id}`)).status).toBe(200);
      expect((await user.client.get(`/v2/assets/${root}/children`)).status).toBe(200);
      const rename = await user.client.patch(`/v2/assets/${file.id}`, { name: 'mine' });
      expect(rename.status).toBe(403);
      expect(rename.headers.get('content-type')).toContain('application/problem+json');
      expect((await user.client.patch(`/v2/assets/${file.id}`, { label: 'approved' })).status).toBe(
        403,
      );
      expect(
        (await user.client.post(`/v2/assets/${root}/children`, { type: 'folder', name: 'x' }))
          .status,
      ).toBe(403);
      expect(
        (await user.client.post(`/v2/assets/${file.id}/move`, { parentId: root })).status,
      ).toBe(403);
      expect((await user.client.delete(`/v2/assets/${file.id}`)).status).toBe(403);
    }
    expect((await stranger.client.get(`/v2/assets/${file.id}`)).status).toBe(404);
    expect((await stranger.client.patch(`/v2/assets/${file.id}`, { name: 'x' })).status).toBe(404);
    expect((await owner.client.get(`/v2/assets/${file.id}`)).body.name).toBe('shot.mov');
  });

  it('refuses changes in an archived project (409) but still shows it', async () => {
    const { projectId, root } = await newProject();
    const file = await add(root, { type: 'file', name: 'locked.mov' });
    const archived = await owner.client.patch(`/v2/projects/${projectId}`, { archived: true });
    expect(archived.status).toBe(200);
    const rename = await owner.client.patch(`/v2/assets/${file.id}`, { name: 'x' });
    expect(rename.status).toBe(409);
    expect(
      (await owner.client.post(`/v2/assets/${root}/children`, { type: 'folder', name: 'x' }))
        .status,
    ).toBe(409);
    expect((await owner.client.delete(`/v2/assets/${file.id}`)).status).toBe(409);
    expect((await owner.client.get(`/v2/assets/${file.id}`)).status).toBe(200);
    expect(await childNames(root)).toEqual(['locked.mov']);
  });

  it('lists children in their custom order, filtered and cursor-paginated', async () => {
    const { root } = await newProject();
    await add(root, { type: 'file', name: 'c' });
    await add(root, { type: 'file', name: 'e' });
    await add(root, { type: 'file', name: 'a', index: 0 });
    await add(root, { type: 'folder', name: 'd', index: 2 });
    const b = await add(root, { type: 'folder', name: 'b', index: 1 });
    await add(root, { type: 'file', name: 'f', index: 99 });
    expect(await childNames(root)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);

    const { names: seen, pages } = await pageThrough(`/v2/assets/${root}/children?limit=4`);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(pages).toBe(2);

    await owner.client.patch(`/v2/assets/${b.id}`, { label: 'approved' });
    expect(await childNames(root, '?type=folder')).toEqual(['b', 'd']);
    expect(await childNames(root, '?label=approved')).toEqual(['b']);
    expect(await childNames(root, '?status=uploading')).toEqual(['a', 'c', 'e', 'f']);
    expect(await childNames(root, '?type=file&status=ready')).toEqual([]);
    const badFilter = await owner.client.get(`/v2/assets/${root}/children?status=done`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0].field).toBe('status');
    const badCursor = await owner.client.get(`/v2/assets/${root}/children?cursor=WzEsMl0`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('cursor');
  });

  it('pages through a large folder in order (keyset pagination)', async () => {
    const { projectId, root } = await newProject();
    const { rows } = await db.query<{ account_id: string }>(
      'SELECT account_id FROM projects WHERE id = $1',
      [projectId],
    );
    // 120 children straight in SQL, all sharing one sort key (as migrated rows may): ties
    // are ordered by id.
    await db.query(
      `INSERT INTO assets (id, project_id, account_id, parent_id, type, name, sort_order)
       SELECT ('0190a000-0000-7000-8000-' || lpad(g::text, 12, '0'))::uuid, $1, $2, $3,
              'file', 'bulk-' || lpad(g::text, 3, '0'), 0
       FROM generate_series(1, 120) AS g`,
      [projectId, rows[0].account_id, root],
    );
    const { names, pages } = await pageThrough(`/v2/assets/${root}/children?limit=50`);
    expect(pages).toBe(3);
    expect(names).toHaveLength(120);
    expect(names).toEqual([...names].sort());
    // Inserting between tied keys renumbers the folder and keeps everyone's place.
    await add(root, { type: 'folder', name: 'inserted', index: 60 });
    const after = await owner.client.get(`/v2/assets/${root}/children?limit=100`);
    expect(after.body.data[59].name).toBe('bulk-060');
    expect(after.body.data[60].name).toBe('inserted');
    expect(after.body.data[61].name).toBe('bulk-061');
  });

  it('renumbers a folder when inserts at one place run out of room, keeping the order', async () => {
    const { root } = await newProject();
    await add(root, { type: 'file', name: 'last' });
    const expected = ['last'];
    for (let i = 0; i < 14; i++) {
      await add(root, { type: 'file', name: `n${i}`, index: 0 });
      expected.unshift(`n${i}`);
    }
    expect(await childNames(root)).toEqual(expected);
    const { rows } = await db.query<{ sort_order: string }>(
      'SELECT sort_order FROM assets WHERE parent_id = $1 ORDER BY sort_order',
      [root],
    );
    // 14 halvings of a 1024 gap are impossible: the folder was renumbered on the way.
    expect(new Set(rows.map((r) => r.sort_order)).size).toBe(15);
  });

  it('keeps sibling order consistent under concurrent appends', async () => {
    const { root } = await newProject();
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        owner.client.post(`/v2/assets/${root}/children`, { type: 'file', name: `p${i}` }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(12).fill(201));
    const { rows } = await db.query<{ sort_order: string }>(
      'SELECT sort_order FROM assets WHERE parent_id = $1',
      [root],
    );
    expect(new Set(rows.map((r) => r.sort_order)).size).toBe(12);
  });

  it('moves within the project: reorders, changes folders, never into itself, its subtree or a file', async () => {
    const { root } = await newProject();
    const a = await add(root, { type: 'folder', name: 'A' });
    const inner = await add(a.id, { type: 'folder', name: 'A-inner' });
    const b = await add(root, { type: 'folder', name: 'B' });
    const x = await add(root, { type: 'file', name: 'x.mov' });
    const y = await add(root, { type: 'file', name: 'y.mov' });

    const reordered = await owner.client.post(`/v2/assets/${y.id}/move`, {
      parentId: root,
      index: 0,
    });
    expect(reordered.status).toBe(200);
    expect(await childNames(root)).toEqual(['y.mov', 'A', 'B', 'x.mov']);

    const moved = await owner.client.post(`/v2/assets/${x.id}/move`, { parentId: b.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(b.id);
    expect(await childNames(b.id)).toEqual(['x.mov']);
    expect(await childNames(root)).toEqual(['y.mov', 'A', 'B']);
    const movedEvent = (await eventsOf(x.id)).find((e) => e.name === 'asset.moved');
    expect(movedEvent?.payload).toEqual({
      fromParentId: root,
      toParentId: b.id,
      index: 0,
      creatorId: owner.userId,
    });
    const deep = await owner.client.post(`/v2/assets/${b.id}/move`, { parentId: a.id, index: 0 });
    expect(deep.status).toBe(200);
    expect(await childNames(a.id)).toEqual(['B', 'A-inner']);

    const conflictOf = async (id: string, parentId: string) => {
      const res = await owner.client.post(`/v2/assets/${id}/move`, { parentId });
      return res.status;
    };
    expect(await conflictOf(a.id, a.id)).toBe(409);
    expect(await conflictOf(a.id, inner.id)).toBe(409);
    expect(await conflictOf(a.id, b.id)).toBe(409);
    expect(await conflictOf(y.id, x.id)).toBe(409);
    expect(await conflictOf(root, a.id)).toBe(409);
    const other = await newProject(owner, 'Other film');
    expect(await conflictOf(y.id, other.root)).toBe(404);
    const missing = await owner.client.post(`/v2/assets/${y.id}/move`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('parentId');
    expect((await owner.client.get(`/v2/assets/${a.id}`)).body.parentId).toBe(root);
  });

  it('copies a subtree with new ids, with or without its comments', async () => {
    const { root } = await newProject();
    const folder = await add(root, { type: 'folder', name: 'Reel 1' });
    const shot = await add(folder.id, { type: 'file', name: 'shot.mov', filesize: 100 });
    await owner.client.put(`/v2/assets/${shot.id}/upload-complete`, {});
    const sub = await add(folder.id, { type: 'folder', name: 'Extras' });
    await add(sub.id, { type: 'file', name: 'pending.mov', filesize: 50 });
    const comment = await owner.client.post(`/v2/assets/${shot.id}/comments`, {
      text: 'Too dark',
      timestamp: 12,
    });
    expect(comment.status).toBe(201);
    const reply = await owner.client.post(`/v2/comments/${comment.body.id}/replies`, {
      text: 'Fixed in grade',
    });
    expect(reply.status).toBe(201);
    const target = await add(root, { type: 'folder', name: 'Copies' });

    const plain = await owner.client.post(`/v2/assets/${folder.id}/copy`, {
      parentId: target.id,
      withComments: false,
    });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ name: 'Reel 1', parentId: target.id, type: 'folder' });
    expect(plain.body.id).not.toBe(folder.id);
    expect(await childNames(plain.body.id)).toEqual(['shot.mov', 'Extras']);
    const copiedShot = (await owner.client.get(`/v2/assets/${plain.body.id}/children`)).body
      .data[0];
    expect(copiedShot.id).not.toBe(shot.id);
    expect(copiedShot).toMatchObject({ status: 'ready', filesize: 100 });
    const commentsOn = async (assetId: string) =>
      (
        await db.query<{ text: string; reply: boolean }>(
          'SELECT text, parent_id IS NOT NULL AS reply FROM comments WHERE asset_id = $1 ORDER BY created_at',
          [assetId],
        )
      ).rows;
    expect(await commentsOn(copiedShot.id)).toEqual([]);
    expect(await eventsOf(plain.body.id)).toEqual([
      {
        name: 'asset.copied',
        payload: {
          sourceId: folder.id,
          copyId: plain.body.id,
          parentId: target.id,
          commentCount: 0,
          assetCount: 4,
          fileCount: 2,
          storageBytes: 100,
        },
      },
    ]);

    const withComments = await owner.client.post(`/v2/assets/${folder.id}/copy`, {
      parentId: target.id,
      withComments: true,
      index: 0,
    });
    expect(withComments.status).toBe(201);
    expect(await childNames(target.id)).toEqual(['Reel 1', 'Reel 1']);
    const copiedShot2 = (await owner.client.get(`/v2/assets/${withComments.body.id}/children`)).body
      .data[0];
    expect(await commentsOn(copiedShot2.id)).toEqual([
      { text: 'Too dark', reply: false },
      { text: 'Fixed in grade', reply: true },
    ]);
    // The originals are untouched.
    expect(await commentsOn(shot.id)).toHaveLength(2);

    expect(
      (await owner.client.post(`/v2/assets/${folder.id}/copy`, { parentId: sub.id })).status,
    ).toBe(409);
    expect(
      (await owner.client.post(`/v2/assets/${folder.id}/copy`, { parentId: shot.id })).status,
    ).toBe(409);
  });
});
