import {
  AssetLabelChanged,
  AssetUploadCompleted,
  AssetVersioned,
  CollaboratorAdded,
  CommentCreated,
  EMAIL_ONLY_READ_AT,
} from '@dailies/core';
import { newId } from '@dailies/db';
import { notificationWorld } from './testing/notification-world';

/** Preferences and e-mail schedule, uploads, versions, labels, collaborators, bad payloads. */
describe('NotificationsConsumer: preferences and other kinds', () => {
  const { w, pushed, ids, users, user, scope, ownerComment, notificationsOf, kinds } =
    notificationWorld();

  it('follows preferences: in-app off, e-mail only, project overrides and cadences', async () => {
    await w.prisma.notificationSettings.createMany({
      data: [
        // Ana: nothing about comments in this project.
        {
          userId: users.ana,
          preferences: {
            projects: { [ids.project]: { comment: { inApp: false, email: 'never' } } },
          },
        },
        // Bob: no inbox for mentions, but e-mail them hourly.
        {
          userId: users.bob,
          preferences: { defaults: { mention: { inApp: false, email: 'hourly' } } },
        },
      ],
    });
    const before = Date.now();
    const event = ownerComment({ mentions: [users.bob, users.lin] });
    await w.consumer.handle(event);
    const rows = await notificationsOf(event);
    const by = Object.fromEntries(rows.map((n) => [n.userId, n]));
    expect(Object.keys(by).sort()).toEqual([users.bob, users.cole, users.lin].sort());

    // Bob: e-mail only — stored as read at the marker, so no inbox entry and no push.
    expect(by[users.bob].readAt).toEqual(EMAIL_ONLY_READ_AT);
    expect(by[users.bob].email?.cadence).toBe('hourly');
    const hour = new Date(before);
    hour.setUTCMinutes(0, 0, 0);
    expect(by[users.bob].email?.sendAfter.getTime()).toBeGreaterThanOrEqual(
      hour.getTime() + 3_600_000,
    );
    expect(by[users.bob].email?.sendAfter.getTime()).toBeLessThanOrEqual(
      hour.getTime() + 7_200_000,
    );
    expect(by[users.bob].email?.sendAfter.getUTCMinutes()).toBe(0);

    // Lin: a mention is e-mailed at once by default.
    expect(by[users.lin].readAt).toBeNull();
    expect(by[users.lin].email?.cadence).toBe('immediately');
    expect(by[users.lin].email?.sendAfter.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(by[users.lin].email?.sendAfter.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    // Cole (Tokyo): a comment goes with the daily digest at 08:00 Tokyo time (23:00 UTC).
    expect(by[users.cole].email?.cadence).toBe('daily');
    const digest = by[users.cole].email!.sendAfter;
    expect(digest.getUTCHours()).toBe(23);
    expect(digest.getUTCMinutes()).toBe(0);
    expect(digest.getTime() - before).toBeGreaterThan(0);
    expect(digest.getTime() - before).toBeLessThanOrEqual(24 * 3_600_000);

    expect(pushed.map((p) => p.userId).sort()).toEqual([users.cole, users.lin].sort());
  });

  it('stores no e-mail when the cadence is never', async () => {
    await w.prisma.notificationSettings.create({
      data: { userId: users.cole, preferences: { defaults: { comment: { email: 'never' } } } },
    });
    const event = ownerComment();
    await w.consumer.handle(event);
    const cole = (await notificationsOf(event)).find((n) => n.userId === users.cole);
    expect(cole?.readAt).toBeNull();
    expect(cole?.email).toBeNull();
  });

  it('tells the folder creator and the project owner of a finished upload', async () => {
    const event = new AssetUploadCompleted({
      ...scope(user(users.ana), { type: 'asset', id: ids.shot }),
      payload: {
        filesize: 1024,
        status: 'ready',
        filetype: 'video/quicktime',
        creatorId: users.ana,
      },
    });
    await w.consumer.handle(event);
    expect(await kinds(event)).toEqual({ [users.owner]: 'upload', [users.bob]: 'upload' });
    const [first] = await notificationsOf(event);
    expect(first).toMatchObject({ title: 'Ana uploaded Shot 012.mov', body: 'In Feature' });
  });

  it('tells the stack followers of a new version', async () => {
    const event = new AssetVersioned({
      ...scope(user(users.owner), { type: 'asset', id: ids.stack }),
      payload: {
        stackId: ids.stack,
        versionAssetId: ids.v2,
        version: 2,
        createdStack: false,
        creatorId: users.owner,
      },
    });
    await w.consumer.handle(event);
    // Versions' creators (Ana, Bob) and Cole, who commented on v1; the owner acted.
    expect(await kinds(event)).toEqual({
      [users.ana]: 'version',
      [users.bob]: 'version',
      [users.cole]: 'version',
    });
    const [first] = await notificationsOf(event);
    expect(first.title).toBe('Olga Owner added version 2 of Trailer');
    expect(first.assetId).toBe(ids.v2);
  });

  it('tells the creator and followers of a label change', async () => {
    const event = new AssetLabelChanged({
      ...scope(user(users.cole), { type: 'asset', id: ids.shot }),
      payload: { from: 'none', to: 'approved', creatorId: users.ana },
    });
    await w.consumer.handle(event);
    expect(await kinds(event)).toEqual({ [users.ana]: 'label', [users.bob]: 'label' });
    const [first] = await notificationsOf(event);
    expect(first.title).toBe('Cole marked Shot 012.mov as Approved');
  });

  it('tells the added collaborator, once they can see the project', async () => {
    await w.prisma.projectCollaborator.create({
      data: { projectId: ids.project, userId: users.newbie, role: 'editor' },
    });
    const event = new CollaboratorAdded({
      ...scope(user(users.owner), { type: 'project', id: ids.project }),
      payload: { userId: users.newbie, role: 'editor' },
    });
    await w.consumer.handle(event);
    const [only, ...rest] = await notificationsOf(event);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      userId: users.newbie,
      kind: 'added_to_project',
      title: 'Olga Owner added you to Feature',
      body: 'You can now work on it as an editor',
    });
    expect(only.email?.cadence).toBe('immediately');

    // Removed again before the event was handled: nothing.
    await w.prisma.projectCollaborator.delete({
      where: { projectId_userId: { projectId: ids.project, userId: users.newbie } },
    });
    const late = new CollaboratorAdded({
      ...scope(user(users.owner), { type: 'project', id: ids.project }),
      payload: { userId: users.newbie, role: 'viewer' },
    });
    await w.consumer.handle(late);
    expect(await notificationsOf(late)).toEqual([]);
  });

  it('notifies nobody about a lone actor, or about an asset that is gone', async () => {
    const self = new AssetLabelChanged({
      ...scope(user(users.lin), { type: 'asset', id: ids.plate }),
      payload: { from: 'none', to: 'in_progress', creatorId: users.lin },
    });
    await w.consumer.handle(self);
    expect(await notificationsOf(self)).toEqual([]);
    const gone = new AssetLabelChanged({
      ...scope(user(users.lin), { type: 'asset', id: newId() }),
      payload: { from: 'none', to: 'approved', creatorId: null },
    });
    await w.consumer.handle(gone);
    expect(await notificationsOf(gone)).toEqual([]);
  });

  it('fails loudly on a payload it cannot read (to be dead-lettered, not misrouted)', async () => {
    const broken = new CommentCreated({
      ...scope(user(users.owner), { type: 'comment', id: newId() }),
      payload: { assetId: ids.shot } as never,
    });
    await expect(w.consumer.handle(broken)).rejects.toThrow(/cannot read comment.created/);
  });
});
