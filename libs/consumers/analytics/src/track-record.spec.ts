import { CommentCreated, UserLoggedIn } from '@dailies/core';
import { toTrack } from './track-record';

describe('track records', () => {
  it('identifies users and carries scope, subject and selected payload fields', () => {
    const event = new UserLoggedIn({
      actor: { type: 'user', id: 'u1' },
      accountId: null,
      subject: { type: 'user', id: 'u1' },
      payload: { method: 'password', rehashed: false },
      requestId: 'r1',
    });
    expect(toTrack(event)).toEqual({
      type: 'track',
      event: 'user.logged_in',
      userId: 'u1',
      properties: { method: 'password', subjectType: 'user', subjectId: 'u1' },
      timestamp: event.occurredAt.toISOString(),
      messageId: event.id,
      context: { requestId: 'r1' },
    });
  });

  it('gives anonymous reviewers a stable id per review link without sending their name', () => {
    const comment = (displayName: string) =>
      new CommentCreated({
        actor: { type: 'anonymous', displayName, reviewLinkId: 'rl1' },
        accountId: 'a1',
        teamId: 't1',
        projectId: 'p1',
        subject: { type: 'comment', id: 'c1' },
        payload: {
          assetId: 'as1',
          parentId: null,
          authorId: null,
          authorName: displayName,
          reviewLinkId: 'rl1',
          private: false,
          mentions: [],
          textExcerpt: 'Looks great',
        },
      });
    const first = toTrack(comment('Jane Client'));
    const again = toTrack(comment('Jane Client'));
    const other = toTrack(comment('Bob'));
    expect(first.userId).toBeUndefined();
    expect(first.anonymousId).toMatch(/^review:rl1:[0-9a-f]{16}$/);
    expect(again.anonymousId).toBe(first.anonymousId);
    expect(other.anonymousId).not.toBe(first.anonymousId);
    expect(first.properties).toEqual({
      assetId: 'as1',
      parentId: null,
      authorId: null,
      reviewLinkId: 'rl1',
      private: false,
      mentions: [],
      accountId: 'a1',
      teamId: 't1',
      projectId: 'p1',
      subjectType: 'comment',
      subjectId: 'c1',
    });
    expect(JSON.stringify(first)).not.toMatch(/Jane|Looks great/);
  });
});
