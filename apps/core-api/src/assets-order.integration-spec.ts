import { assetsKit } from './testing/assets-kit';
import { httpSuite } from './testing/http-suite';

/** The asset tree over HTTP: children in their order, paging, moves and copies. */
describe('asset order, moves and copies over HTTP', () => {
  const s = httpSuite('Editor');
  const { newProject, add, childNames, pageThrough, eventsOf } = assetsKit(s);

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

    await s.owner.client.patch(`/v2/assets/${b.id}`, { label: 'approved' });
    expect(await childNames(root, '?type=folder')).toEqual(['b', 'd']);
    expect(await childNames(root, '?label=approved')).toEqual(['b']);
    expect(await childNames(root, '?status=uploading')).toEqual(['a', 'c', 'e', 'f']);
    expect(await childNames(root, '?type=file&status=ready')).toEqual([]);
    const badFilter = await s.owner.client.get(`/v2/assets/${root}/children?status=done`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0].field).toBe('status');
    const badCursor = await s.owner.client.get(`/v2/assets/${root}/children?cursor=WzEsMl0`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('cursor');
  });

  it('pages through a large folder in order (keyset pagination)', async () => {
    const { projectId, root } = await newProject();
    const { rows } = await s.db.query<{ account_id: string }>(
      'SELECT account_id FROM projects WHERE id = $1',
      [projectId],
    );
    // 120 children straight in SQL, all sharing one sort key (as migrated rows may): ties
    // are ordered by id.
    await s.db.query(
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
    const after = await s.owner.client.get(`/v2/assets/${root}/children?limit=100`);
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
    const { rows } = await s.db.query<{ sort_order: string }>(
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
        s.owner.client.post(`/v2/assets/${root}/children`, { type: 'file', name: `p${i}` }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(12).fill(201));
    const { rows } = await s.db.query<{ sort_order: string }>(
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

    const reordered = await s.owner.client.post(`/v2/assets/${y.id}/move`, {
      parentId: root,
      index: 0,
    });
    expect(reordered.status).toBe(200);
    expect(await childNames(root)).toEqual(['y.mov', 'A', 'B', 'x.mov']);

    const moved = await s.owner.client.post(`/v2/assets/${x.id}/move`, { parentId: b.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(b.id);
    expect(await childNames(b.id)).toEqual(['x.mov']);
    expect(await childNames(root)).toEqual(['y.mov', 'A', 'B']);
    const movedEvent = (await eventsOf(x.id)).find((e) => e.name === 'asset.moved');
    expect(movedEvent?.payload).toEqual({
      fromParentId: root,
      toParentId: b.id,
      index: 0,
      creatorId: s.owner.userId,
    });
    const deep = await s.owner.client.post(`/v2/assets/${b.id}/move`, { parentId: a.id, index: 0 });
    expect(deep.status).toBe(200);
    expect(await childNames(a.id)).toEqual(['B', 'A-inner']);

    const conflictOf = async (id: string, parentId: string) => {
      const res = await s.owner.client.post(`/v2/assets/${id}/move`, { parentId });
      return res.status;
    };
    expect(await conflictOf(a.id, a.id)).toBe(409);
    expect(await conflictOf(a.id, inner.id)).toBe(409);
    expect(await conflictOf(a.id, b.id)).toBe(409);
    expect(await conflictOf(y.id, x.id)).toBe(409);
    expect(await conflictOf(root, a.id)).toBe(409);
    const other = await newProject(s.owner, 'Other film');
    expect(await conflictOf(y.id, other.root)).toBe(404);
    const missing = await s.owner.client.post(`/v2/assets/${y.id}/move`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('parentId');
    expect((await s.owner.client.get(`/v2/assets/${a.id}`)).body.parentId).toBe(root);
  });

  it('copies a subtree with new ids, with or without its comments', async () => {
    const { root } = await newProject();
    const folder = await add(root, { type: 'folder', name: 'Reel 1' });
    const shot = await add(folder.id, { type: 'file', name: 'shot.mov', filesize: 100 });
    await s.owner.client.put(`/v2/assets/${shot.id}/upload-complete`, {});
    const sub = await add(folder.id, { type: 'folder', name: 'Extras' });
    await add(sub.id, { type: 'file', name: 'pending.mov', filesize: 50 });
    const comment = await s.owner.client.post(`/v2/assets/${shot.id}/comments`, {
      text: 'Too dark',
      timestamp: 12,
    });
    expect(comment.status).toBe(201);
    const reply = await s.owner.client.post(`/v2/comments/${comment.body.id}/replies`, {
      text: 'Fixed in grade',
    });
    expect(reply.status).toBe(201);
    const target = await add(root, { type: 'folder', name: 'Copies' });

    const plain = await s.owner.client.post(`/v2/assets/${folder.id}/copy`, {
      parentId: target.id,
      withComments: false,
    });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ name: 'Reel 1', parentId: target.id, type: 'folder' });
    expect(plain.body.id).not.toBe(folder.id);
    expect(await childNames(plain.body.id)).toEqual(['shot.mov', 'Extras']);
    const copiedShot = (await s.owner.client.get(`/v2/assets/${plain.body.id}/children`)).body
      .data[0];
    expect(copiedShot.id).not.toBe(shot.id);
    expect(copiedShot).toMatchObject({ status: 'ready', filesize: 100 });
    const commentsOn = async (assetId: string) =>
      (
        await s.db.query<{ text: string; reply: boolean }>(
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

    const withComments = await s.owner.client.post(`/v2/assets/${folder.id}/copy`, {
      parentId: target.id,
      withComments: true,
      index: 0,
    });
    expect(withComments.status).toBe(201);
    expect(await childNames(target.id)).toEqual(['Reel 1', 'Reel 1']);
    const copiedShot2 = (await s.owner.client.get(`/v2/assets/${withComments.body.id}/children`))
      .body.data[0];
    expect(await commentsOn(copiedShot2.id)).toEqual([
      { text: 'Too dark', reply: false },
      { text: 'Fixed in grade', reply: true },
    ]);
    // The originals are untouched.
    expect(await commentsOn(shot.id)).toHaveLength(2);

    expect(
      (await s.owner.client.post(`/v2/assets/${folder.id}/copy`, { parentId: sub.id })).status,
    ).toBe(409);
    expect(
      (await s.owner.client.post(`/v2/assets/${folder.id}/copy`, { parentId: shot.id })).status,
    ).toBe(409);
  });
});
