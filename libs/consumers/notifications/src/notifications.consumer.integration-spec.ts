import { AppConfig, loadConfig } from '@dailies/config';
import {
  AssetLabelChanged,
  AssetUploadCompleted,
  AssetVersioned,
  CollaboratorAdded,
  CommentCreated,
  EMAIL_ONLY_READ_AT,
  NotificationAnnouncement,
  NotificationFeed,
} from '@dailies/core';
import { newId, PrismaService } from '@dailies/db';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { Actor, DomainEvent } from '@dailies/events';
import { NotificationsConsumer } from './notifications.consumer';
import { PushMessage, PushSender } from './push-sender';

/**
 * The consumer's decisions against a real database: who hears about what, access, preferences,
 * e-mail schedule and idempotency. Events are built with the catalogue's classes, so a payload
 * change in the catalogue breaks these tests first.
 */
describe('NotificationsConsumer', () => {
  let url: string;
  let prisma: PrismaService;
  let consumer: NotificationsConsumer;
  const pushed: PushMessage[] = [];
  const feed = new NotificationFeed();
  const announced: NotificationAnnouncement[] = [];
  feed.announced$.subscribe((batch) => announced.push(...batch));
  const push: PushSender = {
    send: async (messages) => {
      pushed.push(...messages);
    },
  };

  const ids = {
    account: newId(),
    otherAccount: newId(),
    team: newId(),
    project: newId(),
    root: newId(),
    folder: newId(),
    shot: newId(),
    plate: newId(),
    stack: newId(),
    v1: newId(),
    v2: newId(),
    link: newId(),
    parentComment: newId(),
  };
  const users = {
    owner: newId(), // account owner, created the project
    ana: newId(), // team member, uploaded the shot
    bob: newId(), // team member, created the folder, commented on the shot
    cole: newId(), // outside collaborator (reviewer), commented on the shot
    gone: newId(), // was a collaborator, commented, then was removed
    lin: newId(), // account member, created the review link
    newbie: newId(), // added as collaborator in a test
  };

  const user = (id: string): Actor => ({ type: 'user', id });
  const scope = (actor: Actor, subject: { type: string; id: string }) => ({
    actor,
    accountId: ids.account,
    teamId: ids.team,
    projectId: ids.project,
    subject,
  });
  const commentEvent = (
    actor: Actor,
    payload: Partial<CommentCreated['payload']> & { authorId: string | null; authorName: string },
  ) =>
    new CommentCreated({
      ...scope(actor, { type: 'comment', id: newId() }),
      payload: {
        assetId: ids.shot,
        parentId: null,
        reviewLinkId: null,
        private: false,
        mentions: [],
        textExcerpt: 'Too dark at 01:02',
        ...payload,
      },
    });
  const ownerComment = (payload: Partial<CommentCreated['payload']> = {}) =>
    commentEvent(user(users.owner), {
      authorId: users.owner,
      authorName: 'Olga Owner',
      ...payload,
    });

  const notificationsOf = (event: DomainEvent) =>
    prisma.notification.findMany({
      where: { eventId: event.id },
      include: { email: true },
      orderBy: { userId: 'asc' },
    });
  const kinds = async (event: DomainEvent) =>
    Object.fromEntries((await notificationsOf(event)).map((n) => [n.userId, n.kind]));

  beforeAll(async () => {
    url = await createTestDatabase();
    prisma = new PrismaService(url, 2);
    const config: AppConfig = loadConfig({ NOTIFICATIONS_DIGEST_HOUR: '8' });
    consumer = new NotificationsConsumer(prisma, config, push, feed);

    const names: Record<string, string> = {
      owner: 'Olga Owner',
      ana: 'Ana',
      bob: 'Bob',
      cole: 'Cole',
      gone: 'Gone',
      lin: 'Lin',
      newbie: 'Newbie',
    };
    await prisma.user.createMany({
      data: Object.entries(users).map(([key, id]) => ({
        id,
        email: `${key}-${id}@example.com`,
        name: names[key],
        timezone: key === 'cole' ? 'Asia/Tokyo' : 'UTC',
      })),
    });
    await prisma.account.createMany({
      data: [
        { id: ids.account, name: 'Studio', storageLimitBytes: 1n << 40n },
        { id: ids.otherAccount, name: 'Elsewhere', storageLimitBytes: 1n << 40n },
      ],
    });
    await prisma.membership.createMany({
      data: [
        { accountId: ids.account, userId: users.owner, role: 'owner' },
        { accountId: ids.account, userId: users.ana, role: 'member' },
        { accountId: ids.account, userId: users.bob, role: 'member' },
        { accountId: ids.account, userId: users.lin, role: 'member' },
        { accountId: ids.otherAccount, userId: users.cole, role: 'owner' },
        { accountId: ids.otherAccount, userId: users.gone, role: 'admin' },
      ],
    });
    await prisma.team.create({ data: { id: ids.team, accountId: ids.account, name: 'Post' } });
    await prisma.teamMember.createMany({
      data: [users.owner, users.ana, users.bob, users.lin].map((userId) => ({
        teamId: ids.team,
        userId,
      })),
    });
    await prisma.project.create({
      data: {
        id: ids.project,
        accountId: ids.account,
        teamId: ids.team,
        name: 'Feature',
        rootAssetId: ids.root,
        ownerId: users.owner,
      },
    });
    await prisma.projectCollaborator.create({
      data: { projectId: ids.project, userId: users.cole, role: 'reviewer' },
    });
    const asset = (
      id: string,
      name: string,
      type: 'folder' | 'file' | 'version_stack',
      parentId: string | null,
      creatorId: string,
    ) => ({ id, projectId: ids.project, accountId: ids.account, name, type, parentId, creatorId });
    // Parents first: the tree's foreign key.
    for (const data of [
      asset(ids.root, 'Feature', 'folder', null, users.owner),
      asset(ids.folder, 'Dailies', 'folder', ids.root, users.bob),
      asset(ids.shot, 'Shot 012.mov', 'file', ids.folder, users.ana),
      asset(ids.plate, 'Plate 3.exr', 'file', ids.folder, users.lin),
      asset(ids.stack, 'Trailer', 'version_stack', ids.folder, users.owner),
      asset(ids.v1, 'Trailer v1.mov', 'file', ids.stack, users.ana),
      asset(ids.v2, 'Trailer v2.mov', 'file', ids.stack, users.bob),
    ]) {
      await prisma.asset.create({ data });
    }
    const comment = (id: string, assetId: string, authorId: string | null, authorName: string) => ({
      id,
      assetId,
      projectId: ids.project,
      accountId: ids.account,
      authorId,
      authorName,
      text: 'Earlier comment',
    });
    await prisma.comment.createMany({
      data: [
        comment(ids.parentComment, ids.shot, users.bob, 'Bob'),
        comment(newId(), ids.shot, users.cole, 'Cole'),
        comment(newId(), ids.shot, users.gone, 'Gone'),
        comment(newId(), ids.shot, null, 'Client (anonymous)'),
        comment(newId(), ids.v1, users.cole, 'Cole'),
      ],
    });
    await prisma.reviewLink.create({
      data: {
        id: ids.link,
        projectId: ids.project,
        accountId: ids.account,
        name: 'Client cut',
        shortCode: `c${Date.now()}`,
        createdById: users.lin,
      },
    });
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await dropTestDatabase(url);
  });

  beforeEach(async () => {
    pushed.length = 0;
    announced.length = 0;
    await prisma.notificationSettings.deleteMany();
  });

  it('tells the asset followers of a comment, never the author, nor who lost access', async () => {
    const event = ownerComment();
    await consumer.handle(event);
    // Followers: the creator (Ana) and earlier signed-in commenters (Bob, Cole); Gone lost access.
    expect(await kinds(event)).toEqual({
      [users.ana]: 'comment',
      [users.bob]: 'comment',
      [users.cole]: 'comment',
    });
    const [first] = await notificationsOf(event);
    expect(first).toMatchObject({
      title: 'Olga Owner commented on Shot 012.mov',
      body: 'Too dark at 01:02',
      actorId: users.owner,
      actorName: 'Olga Owner',
      projectId: ids.project,
      accountId: ids.account,
      assetId: ids.shot,
      commentId: event.subject.id,
      readAt: null,
    });
  });

  it('prefers mention over comment, and notifies mentioned people who follow nothing', async () => {
    const event = ownerComment({ mentions: [users.bob, users.lin, users.owner] });
    await consumer.handle(event);
    expect(await kinds(event)).toEqual({
      [users.ana]: 'comment',
      [users.bob]: 'mention',
      [users.cole]: 'comment',
      [users.lin]: 'mention',
    });
    const lin = (await notificationsOf(event)).find((n) => n.userId === users.lin);
    expect(lin?.title).toBe('Olga Owner mentioned you on Shot 012.mov');
  });

  it('tells the parent author of a reply, with reply winning over comment', async () => {
    const event = commentEvent(user(users.ana), {
      authorId: users.ana,
      authorName: 'Ana',
      parentId: ids.parentComment,
    });
    await consumer.handle(event);
    expect(await kinds(event)).toEqual({ [users.bob]: 'reply', [users.cole]: 'comment' });
    const bob = (await notificationsOf(event)).find((n) => n.userId === users.bob);
    expect(bob?.title).toBe('Ana replied to your comment on Shot 012.mov');
  });

  it('keeps private comments from outside collaborators', async () => {
    const event = ownerComment({ private: true, mentions: [users.cole] });
    await consumer.handle(event);
    expect(await kinds(event)).toEqual({ [users.ana]: 'comment', [users.bob]: 'comment' });
  });

  it('tells the link creator and the asset creator of a comment through a review link', async () => {
    const event = commentEvent(
      { type: 'anonymous', displayName: 'Client', reviewLinkId: ids.link },
      { authorId: null, authorName: 'Client', reviewLinkId: ids.link },
    );
    await consumer.handle(event);
    expect(await kinds(event)).toEqual({
      [users.ana]: 'review_comment',
      [users.lin]: 'review_comment',
    });
    const [first] = await notificationsOf(event);
    expect(first.title).toBe('Client commented on Shot 012.mov via the review link "Client cut"');
    expect(first.actorId).toBeNull();
    expect(first.actorName).toBe('Client');
  });

  it('handles a redelivered event once: one notification per person, pushed once', async () => {
    const event = ownerComment();
    await consumer.handle(event);
    await consumer.handle(event);
    await Promise.all([consumer.handle(event), consumer.handle(event)]);
    expect(await notificationsOf(event)).toHaveLength(3);
    expect(
      await prisma.notificationEmail.count({ where: { notification: { eventId: event.id } } }),
    ).toBe(3);
    expect(pushed.map((p) => p.userId).sort()).toEqual([users.ana, users.bob, users.cole].sort());
    expect(pushed[0]).toMatchObject({ kind: 'comment', assetId: ids.shot, projectId: ids.project });
    // Live subscribers hear of each stored in-app notification once, as pushes do.
    expect(announced.map((a) => a.notificationId).sort()).toEqual(
      pushed.map((p) => p.notificationId).sort(),
    );
  });

  it('follows preferences: in-app off, e-mail only, project overrides and cadences', async () => {
    await prisma.notificationSettings.createMany({
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
    await consumer.handle(event);
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
    await prisma.notificationSettings.create({
      data: { userId: users.cole, preferences: { defaults: { comment: { email: 'never' } } } },
    });
    const event = ownerComment();
    await consumer.handle(event);
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
    await consumer.handle(event);
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
    await consumer.handle(event);
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
    await consumer.handle(event);
    expect(await kinds(event)).toEqual({ [users.ana]: 'label', [users.bob]: 'label' });
    const [first] = await notificationsOf(event);
    expect(first.title).toBe('Cole marked Shot 012.mov as Approved');
  });

  it('tells the added collaborator, once they can see the project', async () => {
    await prisma.projectCollaborator.create({
      data: { projectId: ids.project, userId: users.newbie, role: 'editor' },
    });
    const event = new CollaboratorAdded({
      ...scope(user(users.owner), { type: 'project', id: ids.project }),
      payload: { userId: users.newbie, role: 'editor' },
    });
    await consumer.handle(event);
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
    await prisma.projectCollaborator.delete({
      where: { projectId_userId: { projectId: ids.project, userId: users.newbie } },
    });
    const late = new CollaboratorAdded({
      ...scope(user(users.owner), { type: 'project', id: ids.project }),
      payload: { userId: users.newbie, role: 'viewer' },
    });
    await consumer.handle(late);
    expect(await notificationsOf(late)).toEqual([]);
  });

  it('notifies nobody about a lone actor, or about an asset that is gone', async () => {
    const self = new AssetLabelChanged({
      ...scope(user(users.lin), { type: 'asset', id: ids.plate }),
      payload: { from: 'none', to: 'in_progress', creatorId: users.lin },
    });
    await consumer.handle(self);
    expect(await notificationsOf(self)).toEqual([]);
    const gone = new AssetLabelChanged({
      ...scope(user(users.lin), { type: 'asset', id: newId() }),
      payload: { from: 'none', to: 'approved', creatorId: null },
    });
    await consumer.handle(gone);
    expect(await notificationsOf(gone)).toEqual([]);
  });

  it('fails loudly on a payload it cannot read (to be dead-lettered, not misrouted)', async () => {
    const broken = new CommentCreated({
      ...scope(user(users.owner), { type: 'comment', id: newId() }),
      payload: { assetId: ids.shot } as never,
    });
    await expect(consumer.handle(broken)).rejects.toThrow(/cannot read comment.created/);
  });
});
