import { notificationsConfigSchema } from '../notifications.config';
import { CommentCreated, NotificationAnnouncement, NotificationFeed } from '@dailies/core';
import { newId, PreparedStatements, PrismaService } from '@dailies/db';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { Actor, DomainEvent } from '@dailies/events';
import { NotificationsConsumer } from '../notifications.consumer';
import { PushMessage, PushSender } from '../push-sender';

/**
 * The world of the notifications consumer specs, in a real database: an account with a team and a
 * project (folder, files, a version stack, a review link), its people (see `users`), and the
 * consumer with a recording push sender and notification feed. Call inside a `describe`; `w` is
 * filled in by its beforeAll.
 */
export function notificationWorld() {
  const w = {} as { url: string; prisma: PrismaService; consumer: NotificationsConsumer };
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
    w.prisma.notification.findMany({
      where: { eventId: event.id },
      include: { email: true },
      orderBy: { userId: 'asc' },
    });
  const kinds = async (event: DomainEvent) =>
    Object.fromEntries((await notificationsOf(event)).map((n) => [n.userId, n.kind]));

  beforeAll(async () => {
    w.url = await createTestDatabase();
    w.prisma = new PrismaService(w.url, 2);
    const config = notificationsConfigSchema.parse({ NOTIFICATIONS_DIGEST_HOUR: '8' });
    w.consumer = new NotificationsConsumer(
      w.prisma,
      config,
      push,
      feed,
      new PreparedStatements(w.prisma),
    );

    const names: Record<string, string> = {
      owner: 'Olga Owner',
      ana: 'Ana',
      bob: 'Bob',
      cole: 'Cole',
      gone: 'Gone',
      lin: 'Lin',
      newbie: 'Newbie',
    };
    await w.prisma.user.createMany({
      data: Object.entries(users).map(([key, id]) => ({
        id,
        email: `${key}-${id}@example.com`,
        name: names[key],
        timezone: key === 'cole' ? 'Asia/Tokyo' : 'UTC',
      })),
    });
    await w.prisma.account.createMany({
      data: [
        { id: ids.account, name: 'Studio', storageLimitBytes: 1n << 40n },
        { id: ids.otherAccount, name: 'Elsewhere', storageLimitBytes: 1n << 40n },
      ],
    });
    await w.prisma.membership.createMany({
      data: [
        { accountId: ids.account, userId: users.owner, role: 'owner' },
        { accountId: ids.account, userId: users.ana, role: 'member' },
        { accountId: ids.account, userId: users.bob, role: 'member' },
        { accountId: ids.account, userId: users.lin, role: 'member' },
        { accountId: ids.otherAccount, userId: users.cole, role: 'owner' },
        { accountId: ids.otherAccount, userId: users.gone, role: 'admin' },
      ],
    });
    await w.prisma.team.create({ data: { id: ids.team, accountId: ids.account, name: 'Post' } });
    await w.prisma.teamMember.createMany({
      data: [users.owner, users.ana, users.bob, users.lin].map((userId) => ({
        teamId: ids.team,
        userId,
      })),
    });
    await w.prisma.project.create({
      data: {
        id: ids.project,
        accountId: ids.account,
        teamId: ids.team,
        name: 'Feature',
        rootAssetId: ids.root,
        ownerId: users.owner,
      },
    });
    await w.prisma.projectCollaborator.create({
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
      await w.prisma.asset.create({ data });
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
    await w.prisma.comment.createMany({
      data: [
        comment(ids.parentComment, ids.shot, users.bob, 'Bob'),
        comment(newId(), ids.shot, users.cole, 'Cole'),
        comment(newId(), ids.shot, users.gone, 'Gone'),
        comment(newId(), ids.shot, null, 'Client (anonymous)'),
        comment(newId(), ids.v1, users.cole, 'Cole'),
      ],
    });
    await w.prisma.reviewLink.create({
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
    await w.prisma.$disconnect();
    await dropTestDatabase(w.url);
  });

  beforeEach(async () => {
    pushed.length = 0;
    announced.length = 0;
    await w.prisma.notificationSettings.deleteMany();
  });

  return {
    w,
    pushed,
    announced,
    ids,
    users,
    user,
    scope,
    commentEvent,
    ownerComment,
    notificationsOf,
    kinds,
  };
}
