import { tapPgStatements } from '@dailies/db/testing';
import { notificationWorld } from './testing/notification-world';

/**
 * Who hears of a comment: followers, mentions, reply authors, review-link comments; never the
 * author or who lost access; a redelivered event has no second effect.
 */
describe('NotificationsConsumer: comments', () => {
  const {
    w,
    pushed,
    announced,
    ids,
    users,
    user,
    commentEvent,
    ownerComment,
    notificationsOf,
    kinds,
  } = notificationWorld();

  it('tells the asset followers of a comment, never the author, nor who lost access', async () => {
    const event = ownerComment();
    await w.consumer.handle(event);
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
    await w.consumer.handle(event);
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
    await w.consumer.handle(event);
    expect(await kinds(event)).toEqual({ [users.bob]: 'reply', [users.cole]: 'comment' });
    const bob = (await notificationsOf(event)).find((n) => n.userId === users.bob);
    expect(bob?.title).toBe('Ana replied to your comment on Shot 012.mov');
  });

  it('keeps private comments from outside collaborators', async () => {
    const event = ownerComment({ private: true, mentions: [users.cole] });
    await w.consumer.handle(event);
    expect(await kinds(event)).toEqual({ [users.ana]: 'comment', [users.bob]: 'comment' });
  });

  it('tells the link creator and the asset creator of a comment through a review link', async () => {
    const event = commentEvent(
      { type: 'anonymous', displayName: 'Client', reviewLinkId: ids.link },
      { authorId: null, authorName: 'Client', reviewLinkId: ids.link },
    );
    await w.consumer.handle(event);
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
    await w.consumer.handle(event);
    await w.consumer.handle(event);
    await Promise.all([w.consumer.handle(event), w.consumer.handle(event)]);
    expect(await notificationsOf(event)).toHaveLength(3);
    expect(
      await w.prisma.notificationEmail.count({ where: { notification: { eventId: event.id } } }),
    ).toBe(3);
    expect(pushed.map((p) => p.userId).sort()).toEqual([users.ana, users.bob, users.cole].sort());
    expect(pushed[0]).toMatchObject({ kind: 'comment', assetId: ids.shot, projectId: ids.project });
    // Live subscribers hear of each stored in-app notification once, as pushes do.
    expect(announced.map((a) => a.notificationId).sort()).toEqual(
      pushed.map((p) => p.notificationId).sort(),
    );
  });

  it('plans comments delivered together from one read, each as if alone', async () => {
    const plain = ownerComment();
    const reply = commentEvent(user(users.ana), {
      authorId: users.ana,
      authorName: 'Ana',
      parentId: ids.parentComment,
    });
    const linked = commentEvent(
      { type: 'anonymous', displayName: 'Client', reviewLinkId: ids.link },
      { authorId: null, authorName: 'Client', reviewLinkId: ids.link },
    );
    const reads: string[] = [];
    const stop = tapPgStatements((text) => {
      if (text.includes('WITH ORDINALITY')) reads.push(text);
    });
    try {
      await Promise.all([plain, reply, linked].map((event) => w.consumer.handle(event)));
    } finally {
      stop();
    }
    expect(reads).toHaveLength(1);
    expect(await kinds(plain)).toEqual({
      [users.ana]: 'comment',
      [users.bob]: 'comment',
      [users.cole]: 'comment',
    });
    expect(await kinds(reply)).toEqual({ [users.bob]: 'reply', [users.cole]: 'comment' });
    expect(await kinds(linked)).toEqual({
      [users.ana]: 'review_comment',
      [users.lin]: 'review_comment',
    });
  });
});
