import { addAsset, httpSuite, newProjectOf } from './testing/http-suite';

/** Version stacks: create, extend, present the head, reorder, take out, dissolve. */
describe('version stacks over HTTP', () => {
  const s = httpSuite('Versioner');
  const newProject = (name = 'Commercial') => newProjectOf(s.owner, name);
  const add = (parentId: string, body: Record<string, unknown>) =>
    addAsset(s.owner, parentId, body);
  const file = (parentId: string, name: string, extra: Record<string, unknown> = {}) =>
    add(parentId, { type: 'file', name, filetype: 'video/mp4', ...extra });
  const version = (assetId: string, nextAssetId: string) =>
    s.owner.client.post(`/v2/assets/${assetId}/version`, { nextAssetId });
  const versions = async (stackId: string) => {
    const res = await s.owner.client.get(`/v2/assets/${stackId}/versions`);
    expect(res.status).toBe(200);
    return res.body.data.map((v: { name: string; version: number }) => `${v.version}:${v.name}`);
  };
  const children = async (parentId: string) =>
    (await s.owner.client.get(`/v2/assets/${parentId}/children`)).body.data.map(
      (a: { name: string; type: string }) => `${a.type}:${a.name}`,
    );
  const eventNames = async (subjectId: string) =>
    (
      await s.db.query<{ name: string }>(
        'SELECT name FROM events WHERE subject_id = $1 ORDER BY position',
        [subjectId],
      )
    ).rows.map((r) => r.name);

  it('turns a file into a stack in its place (201), then appends versions (200)', async () => {
    const { root } = await newProject();
    const a = await file(root, 'spot.mp4', { filesize: 10 });
    const b = await file(root, 'other.mp4');
    const c = await file(root, 'spot v2.mp4', { filesize: 20, duration: 30, fps: 25, frames: 750 });
    await s.owner.client.put(`/v2/assets/${c.id}/upload-complete`, {});

    const created = await version(a.id, c.id);
    expect(created.status).toBe(201);
    const stack = created.body;
    expect(stack).toMatchObject({
      type: 'version_stack',
      name: 'spot.mp4',
      parentId: root,
      versionCount: 2,
      // The stack presents its latest version.
      filetype: 'video/mp4',
      filesize: 20,
      duration: 30,
      fps: 25,
      frames: 750,
      status: 'transcoding',
      headVersion: { id: c.id, version: 2, parentId: expect.any(String) },
    });
    expect(stack.headVersion.parentId).toBe(stack.id);
    expect(await children(root)).toEqual(['version_stack:spot.mp4', 'file:other.mp4']);
    expect(await versions(stack.id)).toEqual(['1:spot.mp4', '2:spot v2.mp4']);
    expect(await eventNames(stack.id)).toEqual(['asset.created', 'asset.versioned']);
    const [versioned] = (
      await s.db.query<{ payload: unknown }>(
        `SELECT payload FROM events WHERE subject_id = $1 AND name = 'asset.versioned'`,
        [stack.id],
      )
    ).rows;
    expect(versioned.payload).toEqual({
      stackId: stack.id,
      versionAssetId: c.id,
      version: 2,
      createdStack: true,
      creatorId: s.owner.userId,
    });

    const appended = await version(stack.id, b.id);
    expect(appended.status).toBe(200);
    expect(appended.body).toMatchObject({
      id: stack.id,
      versionCount: 3,
      status: 'uploading',
      headVersion: { id: b.id, version: 3 },
    });
    expect(await children(root)).toEqual(['version_stack:spot.mp4']);
    // Naming one of the versions works like naming the stack.
    const d = await file(root, 'spot v4.mp4');
    expect((await version(a.id, d.id)).status).toBe(200);
    expect(await versions(stack.id)).toEqual([
      '1:spot.mp4',
      '2:spot v2.mp4',
      '3:other.mp4',
      '4:spot v4.mp4',
    ]);
    const one = await s.owner.client.get(`/v2/assets/${stack.id}`);
    expect(one.body).toMatchObject({ versionCount: 4, headVersion: { id: d.id } });
  });

  it('filters a stack by its latest version’s status', async () => {
    const { root } = await newProject();
    const a = await file(root, 'a.mp4');
    await s.owner.client.put(`/v2/assets/${a.id}/upload-complete`, { filetype: 'image/png' });
    const b = await file(root, 'b.mp4');
    const stack = (await version(a.id, b.id)).body;
    const named = async (query: string) =>
      (await s.owner.client.get(`/v2/assets/${root}/children${query}`)).body.data.map(
        (x: { id: string }) => x.id,
      );
    expect(await named('?status=uploading')).toEqual([stack.id]);
    await s.owner.client.put(`/v2/assets/${b.id}/upload-complete`, {});
    expect(await named('?status=uploading')).toEqual([]);
    expect(await named('?status=transcoding')).toEqual([stack.id]);
    expect(await named('?type=version_stack')).toEqual([stack.id]);
  });

  it('refuses what cannot become a version', async () => {
    const { root } = await newProject();
    const folder = await add(root, { type: 'folder', name: 'F' });
    const a = await file(root, 'a.mp4');
    const b = await file(root, 'b.mp4');
    const c = await file(root, 'c.mp4');
    const stack = (await version(a.id, b.id)).body;
    const statusOf = async (assetId: string, nextId: string) =>
      (await version(assetId, nextId)).status;
    expect(await statusOf(folder.id, c.id)).toBe(409);
    expect(await statusOf(c.id, c.id)).toBe(409);
    expect(await statusOf(c.id, folder.id)).toBe(409);
    expect(await statusOf(c.id, stack.id)).toBe(409);
    expect(await statusOf(stack.id, a.id)).toBe(409);
    const other = await newProject('Elsewhere');
    const foreign = await file(other.root, 'foreign.mp4');
    expect(await statusOf(c.id, foreign.id)).toBe(409);
    const trashed = await file(root, 'trashed.mp4');
    await s.owner.client.delete(`/v2/assets/${trashed.id}`);
    expect(await statusOf(c.id, trashed.id)).toBe(404);
    const missing = await s.owner.client.post(`/v2/assets/${c.id}/version`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('nextAssetId');
    expect(await versions(stack.id)).toEqual(['1:a.mp4', '2:b.mp4']);
    expect((await s.owner.client.get(`/v2/assets/${c.id}/versions`)).status).toBe(409);
  });

  it('reorders versions by moving them within the stack, renumbering 1..n', async () => {
    const { root } = await newProject();
    const [a, b, c] = [await file(root, 'a'), await file(root, 'b'), await file(root, 'c')];
    const stack = (await version(a.id, b.id)).body;
    await version(stack.id, c.id);
    const moved = await s.owner.client.post(`/v2/assets/${c.id}/move`, {
      parentId: stack.id,
      index: 0,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.version).toBe(1);
    expect(await versions(stack.id)).toEqual(['1:c', '2:a', '3:b']);
    await s.owner.client.post(`/v2/assets/${c.id}/move`, { parentId: stack.id });
    expect(await versions(stack.id)).toEqual(['1:a', '2:b', '3:c']);
    expect((await s.owner.client.get(`/v2/assets/${stack.id}`)).body.headVersion.id).toBe(c.id);

    // A file from a folder joins the stack at the given place; folders cannot.
    const d = await file(root, 'd');
    expect(
      (await s.owner.client.post(`/v2/assets/${d.id}/move`, { parentId: stack.id, index: 1 }))
        .status,
    ).toBe(200);
    expect(await versions(stack.id)).toEqual(['1:a', '2:d', '3:b', '4:c']);
    const folder = await add(root, { type: 'folder', name: 'F' });
    expect(
      (await s.owner.client.post(`/v2/assets/${folder.id}/move`, { parentId: stack.id })).status,
    ).toBe(409);
  });

  it('takes versions out with a move; a stack left with one version dissolves into it', async () => {
    const { root } = await newProject();
    const before = await add(root, { type: 'folder', name: 'before' });
    const [a, b, c] = [await file(root, 'a'), await file(root, 'b'), await file(root, 'c')];
    await add(root, { type: 'folder', name: 'after' });
    const stack = (await version(a.id, b.id)).body;
    await version(stack.id, c.id);
    // The comments API puts comments on a stack's head; migrated data may have them on the
    // stack itself.
    const commentId = '0190a000-0000-7000-8000-00000000c0de';
    await s.db.query(
      `INSERT INTO comments (id, asset_id, project_id, account_id, author_id, text)
       SELECT $1, id, project_id, account_id, $3, 'On the stack' FROM assets WHERE id = $2`,
      [commentId, stack.id, s.owner.userId],
    );

    const out = await s.owner.client.post(`/v2/assets/${a.id}/move`, { parentId: before.id });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ parentId: before.id, version: 1 });
    expect(await versions(stack.id)).toEqual(['1:b', '2:c']);

    await s.owner.client.post(`/v2/assets/${c.id}/move`, { parentId: root, index: 0 });
    // b took the stack's place (between "before" and "after"); the stack is gone.
    expect(await children(root)).toEqual(['file:c', 'folder:before', 'file:b', 'folder:after']);
    expect((await s.owner.client.get(`/v2/assets/${stack.id}`)).status).toBe(404);
    expect((await s.owner.client.get(`/v2/assets/${b.id}`)).body).toMatchObject({
      parentId: root,
      version: 1,
    });
    expect(await eventNames(stack.id)).toContain('asset.stack_dissolved');
    // What was said about the stack is now on the file that replaced it.
    const moved = await s.db.query('SELECT asset_id FROM comments WHERE id = $1', [commentId]);
    expect(moved.rows[0].asset_id).toBe(b.id);
  });

  it('trashing a version renumbers the stack; restoring it brings it back as the latest', async () => {
    const { root } = await newProject();
    const [a, b, c] = [await file(root, 'a'), await file(root, 'b'), await file(root, 'c')];
    const stack = (await version(a.id, b.id)).body;
    await version(stack.id, c.id);

    expect((await s.owner.client.delete(`/v2/assets/${b.id}`)).status).toBe(204);
    expect(await versions(stack.id)).toEqual(['1:a', '2:c']);
    const restored = await s.owner.client.post(`/v2/assets/${b.id}/restore`);
    expect(restored.body).toMatchObject({ parentId: stack.id, version: 3 });
    expect(await versions(stack.id)).toEqual(['1:a', '2:c', '3:b']);

    // Down to one version: the stack dissolves; the trashed version follows to its place.
    await s.owner.client.delete(`/v2/assets/${c.id}`);
    await s.owner.client.delete(`/v2/assets/${b.id}`);
    expect((await s.owner.client.get(`/v2/assets/${stack.id}`)).status).toBe(404);
    expect(await children(root)).toEqual(['file:a']);
    const back = await s.owner.client.post(`/v2/assets/${b.id}/restore`);
    expect(back.body.parentId).toBe(root);
  });
});
