import { addCollaboratorWithConsent } from '@dailies/platform/testing';
import { signUp } from './testing/fixtures';
import { assetsKit } from './testing/assets-kit';
import { httpSuite } from './testing/http-suite';

/** The asset tree over HTTP: create, read, update, upload, roles. */
describe('assets over HTTP', () => {
  const s = httpSuite('Editor');
  const { newProject, add, childNames, eventsOf } = assetsKit(s);

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
      creatorId: s.owner.userId,
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

    const one = await s.owner.client.get(`/v2/assets/${file.id}`);
    expect(one.status).toBe(200);
    expect(one.body.properties).toEqual({ scene: 12, take: 3 });
    expect(one.body).not.toHaveProperty('upload');
    const listed = await s.owner.client.get(`/v2/assets/${folder.id}/children`);
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
          creatorId: s.owner.userId,
        },
      },
    ]);
  });

  it('names each invalid field and refuses children of files (409) and unknown parents (404)', async () => {
    const { root } = await newProject();
    const bad = async (body: unknown) => {
      const res = await s.owner.client.post(`/v2/assets/${root}/children`, body);
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
    const inFile = await s.owner.client.post(`/v2/assets/${file.id}/children`, {
      type: 'folder',
      name: 'Nope',
    });
    expect(inFile.status).toBe(409);
    const unknown = await s.owner.client.post(
      '/v2/assets/0190a000-0000-7000-8000-000000000000/children',
      {
        type: 'folder',
        name: 'Nope',
      },
    );
    expect(unknown.status).toBe(404);
    expect((await s.owner.client.get('/v2/assets/not-a-uuid')).status).toBe(404);
  });

  it('completes an upload once: video/audio go to transcoding, anything else to ready', async () => {
    const { root } = await newProject();
    const video = await add(root, { type: 'file', name: 'cut.mp4', filetype: 'video/mp4' });
    const done = await s.owner.client.put(`/v2/assets/${video.id}/upload-complete`, {
      filesize: 5000,
      duration: 2,
      fps: 25,
      frames: 50,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'transcoding', filesize: 5000, frames: 50 });
    const again = await s.owner.client.put(`/v2/assets/${video.id}/upload-complete`, {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already completed/);

    const still = await add(root, { type: 'file', name: 'still', filesize: 10 });
    const ready = await s.owner.client.put(`/v2/assets/${still.id}/upload-complete`, {
      filetype: 'image/png',
    });
    expect(ready.body).toMatchObject({ status: 'ready', filetype: 'image/png', filesize: 10 });

    const folder = await add(root, { type: 'folder', name: 'F' });
    expect((await s.owner.client.put(`/v2/assets/${folder.id}/upload-complete`, {})).status).toBe(
      409,
    );
    const completed = (await eventsOf(video.id)).find((e) => e.name === 'asset.upload_completed');
    expect(completed?.payload).toEqual({
      filesize: 5000,
      status: 'transcoding',
      filetype: 'video/mp4',
      creatorId: s.owner.userId,
    });
  });

  it('renames, relabels and replaces properties, with one event per real change', async () => {
    const { root } = await newProject();
    const file = await add(root, { type: 'file', name: 'old.mov', properties: { a: 1, b: 2 } });
    const res = await s.owner.client.patch(`/v2/assets/${file.id}`, {
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
    expect((await s.owner.client.patch(`/v2/assets/${file.id}`, { name: 'new.mov' })).status).toBe(
      200,
    );
    const events = (await eventsOf(file.id)).filter((e) => e.name !== 'asset.created');
    expect(events).toEqual([
      {
        name: 'asset.renamed',
        payload: { from: 'old.mov', to: 'new.mov', creatorId: s.owner.userId },
      },
      {
        name: 'asset.label_changed',
        payload: { from: 'none', to: 'needs_review', creatorId: s.owner.userId },
      },
      {
        name: 'asset.properties_changed',
        payload: { keys: ['b', 'c'], creatorId: s.owner.userId },
      },
    ]);

    const empty = await s.owner.client.patch(`/v2/assets/${file.id}`, {});
    expect(empty.status).toBe(400);
    const badLabel = await s.owner.client.patch(`/v2/assets/${file.id}`, { label: 'great' });
    expect(badLabel.body.errors[0].field).toBe('label');
    const huge = await s.owner.client.patch(`/v2/assets/${file.id}`, {
      properties: { blob: 'x'.repeat(1024 * 1024 + 1) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.detail).toMatch(/too large/);
  });

  it('lets reviewers and viewers look but not change (403), and hides everything from others (404)', async () => {
    const { projectId, root } = await newProject();
    const file = await add(root, { type: 'file', name: 'shot.mov' });
    const reviewer = await signUp(s.anon, 'Reviewer');
    const viewer = await signUp(s.anon, 'Viewer');
    const stranger = await signUp(s.anon, 'Stranger');
    for (const [user, role] of [
      [reviewer, 'reviewer'],
      [viewer, 'viewer'],
    ] as const) {
      const added = await addCollaboratorWithConsent(s.owner.client, projectId, user, role);
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
    expect((await s.owner.client.get(`/v2/assets/${file.id}`)).body.name).toBe('shot.mov');
  });

  it('refuses changes in an archived project (409) but still shows it', async () => {
    const { projectId, root } = await newProject();
    const file = await add(root, { type: 'file', name: 'locked.mov' });
    const archived = await s.owner.client.patch(`/v2/projects/${projectId}`, { archived: true });
    expect(archived.status).toBe(200);
    const rename = await s.owner.client.patch(`/v2/assets/${file.id}`, { name: 'x' });
    expect(rename.status).toBe(409);
    expect(
      (await s.owner.client.post(`/v2/assets/${root}/children`, { type: 'folder', name: 'x' }))
        .status,
    ).toBe(409);
    expect((await s.owner.client.delete(`/v2/assets/${file.id}`)).status).toBe(409);
    expect((await s.owner.client.get(`/v2/assets/${file.id}`)).status).toBe(200);
    expect(await childNames(root)).toEqual(['locked.mov']);
  });
});
