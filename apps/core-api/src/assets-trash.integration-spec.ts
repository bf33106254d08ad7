import { addCollaboratorWithConsent } from '@dailies/platform/testing';
import { CommandBus } from '@nestjs/cqrs';
import { PurgeTrashCommand, PurgeTrashResult } from '@dailies/core';
import { systemActor } from '@dailies/events';
import { signUp } from './testing/fixtures';
import { addAsset, httpSuite, newProjectOf } from './testing/http-suite';

const DAY = 24 * 60 * 60 * 1000;

/** The trash: trash a subtree, list it, restore exactly it, purge it after 30 days. */
describe('asset trash over HTTP', () => {
  const s = httpSuite('Trasher');
  const newProject = (name = 'Short film') => newProjectOf(s.owner, name);
  const add = (parentId: string, body: Record<string, unknown>) =>
    addAsset(s.owner, parentId, body);
  const uploaded = async (parentId: string, name: string, filesize: number) => {
    const file = await add(parentId, { type: 'file', name, filesize });
    await s.owner.client.put(`/v2/assets/${file.id}/upload-complete`, {});
    return file;
  };
  const status = async (id: string) => (await s.owner.client.get(`/v2/assets/${id}`)).status;
  const childNames = async (parentId: string) =>
    (await s.owner.client.get(`/v2/assets/${parentId}/children`)).body.data.map(
      (a: { name: string }) => a.name,
    );
  const trashNames = async (projectId: string) =>
    (await s.owner.client.get(`/v2/projects/${projectId}/trash`)).body.data.map(
      (a: { name: string }) => a.name,
    );
  const payloadOf = async (subjectId: string, name: string) =>
    (
      await s.db.query<{ payload: Record<string, unknown> }>(
        'SELECT payload FROM events WHERE subject_id = $1 AND name = $2 ORDER BY position',
        [subjectId, name],
      )
    ).rows.map((r) => r.payload);

  /** Reel{shot (100 B), Extras{bonus (40 B), pending (uploading, 7 B)}} */
  const buildReel = async (root: string) => {
    const reel = await add(root, { type: 'folder', name: 'Reel' });
    const shot = await uploaded(reel.id, 'shot.mov', 100);
    const extras = await add(reel.id, { type: 'folder', name: 'Extras' });
    const bonus = await uploaded(extras.id, 'bonus.mov', 40);
    const pending = await add(extras.id, { type: 'file', name: 'pending.mov', filesize: 7 });
    return { reel, shot, extras, bonus, pending };
  };

  it('trashes a whole subtree: gone everywhere, listed once in the trash with its purge date', async () => {
    const { projectId, root } = await newProject();
    const { reel, shot, extras, bonus, pending } = await buildReel(root);
    await add(root, { type: 'file', name: 'keep.mov' });

    const res = await s.owner.client.delete(`/v2/assets/${reel.id}`);
    expect(res.status).toBe(204);
    for (const id of [reel.id, shot.id, extras.id, bonus.id, pending.id]) {
      expect(await status(id)).toBe(404);
    }
    expect(await childNames(root)).toEqual(['keep.mov']);
    expect((await s.owner.client.get(`/v2/assets/${extras.id}/children`)).status).toBe(404);
    expect((await s.owner.client.patch(`/v2/assets/${shot.id}`, { name: 'x' })).status).toBe(404);

    const trash = await s.owner.client.get(`/v2/projects/${projectId}/trash`);
    expect(trash.status).toBe(200);
    expect(trash.body.data).toHaveLength(1);
    const [item] = trash.body.data;
    expect(item).toMatchObject({ id: reel.id, name: 'Reel', parentId: root });
    expect(new Date(item.purgeAfter).getTime() - new Date(item.deletedAt).getTime()).toBe(30 * DAY);

    expect(await payloadOf(reel.id, 'asset.deleted')).toEqual([
      {
        parentId: root,
        creatorId: s.owner.userId,
        assetCount: 5,
        fileCount: 3,
        storageBytes: 140,
      },
    ]);
  });

  it('never trashes the root folder, and lets only editors trash', async () => {
    const { projectId, root } = await newProject();
    const file = await add(root, { type: 'file', name: 'a.mov' });
    const rootDelete = await s.owner.client.delete(`/v2/assets/${root}`);
    expect(rootDelete.status).toBe(409);
    expect(rootDelete.body.detail).toMatch(/root folder/);
    expect(rootDelete.body).toMatchObject({
      code: 'root_folder',
      type: 'https://dailies.dev/problems/root-folder',
    });

    const viewer = await signUp(s.anon, 'TrashViewer');
    await addCollaboratorWithConsent(s.owner.client, projectId, viewer, 'viewer');
    expect((await viewer.client.delete(`/v2/assets/${file.id}`)).status).toBe(403);
    await s.owner.client.delete(`/v2/assets/${file.id}`);
    const seen = await viewer.client.get(`/v2/projects/${projectId}/trash`);
    expect(seen.status).toBe(200);
    expect(seen.body.data.map((a: { id: string }) => a.id)).toEqual([file.id]);
    expect((await viewer.client.post(`/v2/assets/${file.id}/restore`)).status).toBe(403);
    const stranger = await signUp(s.anon, 'TrashStranger');
    expect((await stranger.client.get(`/v2/projects/${projectId}/trash`)).status).toBe(404);
  });

  it('restores exactly what was trashed with it, in place', async () => {
    const { projectId, root } = await newProject();
    const { reel, shot, extras, bonus, pending } = await buildReel(root);
    // Trashed on its own first: it keeps its own trash entry when Reel is restored.
    await s.owner.client.delete(`/v2/assets/${bonus.id}`);
    await new Promise((r) => setTimeout(r, 5));
    await s.owner.client.delete(`/v2/assets/${reel.id}`);
    expect(await trashNames(projectId)).toEqual(['Reel', 'bonus.mov']);

    const restored = await s.owner.client.post(`/v2/assets/${reel.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: reel.id, parentId: root });
    expect(restored.body).not.toHaveProperty('deletedAt');
    for (const id of [reel.id, shot.id, extras.id, pending.id]) expect(await status(id)).toBe(200);
    expect(await status(bonus.id)).toBe(404);
    expect(await childNames(extras.id)).toEqual(['pending.mov']);
    expect(await trashNames(projectId)).toEqual(['bonus.mov']);
    expect(await payloadOf(reel.id, 'asset.restored')).toEqual([
      { parentId: root, creatorId: s.owner.userId, assetCount: 4, fileCount: 2, storageBytes: 100 },
    ]);

    // Its old parent is back, so bonus returns to its old place there.
    const bonusBack = await s.owner.client.post(`/v2/assets/${bonus.id}/restore`);
    expect(bonusBack.body.parentId).toBe(extras.id);
    expect(await childNames(extras.id)).toEqual(['bonus.mov', 'pending.mov']);
    expect(await trashNames(projectId)).toEqual([]);
  });

  it('restores to the root folder when the old parent is trashed, and only trash roots', async () => {
    const { root } = await newProject();
    const { reel, shot, extras } = await buildReel(root);
    await s.owner.client.delete(`/v2/assets/${shot.id}`);
    await s.owner.client.delete(`/v2/assets/${reel.id}`);

    const inner = await s.owner.client.post(`/v2/assets/${extras.id}/restore`);
    expect(inner.status).toBe(409);
    expect(inner.body.detail).toMatch(/restore that one/);
    expect(inner.body.code).toBe('not_trash_root');
    const live = await add(root, { type: 'file', name: 'live.mov' });
    expect((await s.owner.client.post(`/v2/assets/${live.id}/restore`)).status).toBe(404);

    const back = await s.owner.client.post(`/v2/assets/${shot.id}/restore`);
    expect(back.status).toBe(200);
    expect(back.body.parentId).toBe(root);
    expect(await childNames(root)).toEqual(['live.mov', 'shot.mov']);
    expect(await status(reel.id)).toBe(404);
  });

  it('purges trash older than 30 days for the system only, with the bytes it freed', async () => {
    const { projectId, root } = await newProject();
    const old = await buildReel(root);
    const recent = await uploaded(root, 'recent.mov', 9);
    await s.owner.client.post(`/v2/assets/${old.shot.id}/comments`, { text: 'on a doomed shot' });
    await s.owner.client.delete(`/v2/assets/${old.reel.id}`);
    await s.owner.client.delete(`/v2/assets/${recent.id}`);
    await s.db.query(
      `UPDATE assets SET deleted_at = now() - interval '31 days' WHERE trash_root_id = $1`,
      [old.reel.id],
    );
    const bus = s.platform.app.get(CommandBus);

    await expect(
      bus.execute(new PurgeTrashCommand({ type: 'user', id: s.owner.userId }, {})),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(
      () => new PurgeTrashCommand(systemActor('cron'), { olderThan: new Date(Date.now() - DAY) }),
    ).toThrow(/invalid fields/);

    const result: PurgeTrashResult = await bus.execute(
      new PurgeTrashCommand(systemActor('cron'), {}),
    );
    expect(result).toEqual({
      purged: 1,
      more: false,
      assetCount: 5,
      fileCount: 3,
      storageBytes: 140,
    });
    const left = await s.db.query<{ name: string }>(
      'SELECT name FROM assets WHERE project_id = $1 AND parent_id IS NOT NULL ORDER BY name',
      [projectId],
    );
    expect(left.rows.map((r) => r.name)).toEqual(['recent.mov']);
    const comments = await s.db.query('SELECT 1 FROM comments WHERE asset_id = $1', [old.shot.id]);
    expect(comments.rowCount).toBe(0);
    expect(await trashNames(projectId)).toEqual(['recent.mov']);
    const purged = await s.db.query<{ payload: Record<string, unknown>; actor: unknown }>(
      `SELECT payload, actor FROM events WHERE name = 'asset.hard_deleted' AND subject_id = $1`,
      [old.reel.id],
    );
    expect(purged.rows).toHaveLength(1);
    expect(purged.rows[0].payload).toMatchObject({
      assetCount: 5,
      fileCount: 3,
      storageBytes: 140,
    });
    expect(purged.rows[0].actor).toEqual({ type: 'system', name: 'cron' });

    const again: PurgeTrashResult = await bus.execute(
      new PurgeTrashCommand(systemActor('cron'), {}),
    );
    expect(again.purged).toBe(0);
  });
});
