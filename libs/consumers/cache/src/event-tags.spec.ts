import {
  AssetCopied,
  AssetCreated,
  AssetDeleted,
  AssetHardDeleted,
  AssetLabelChanged,
  AssetMoved,
  AssetRenamed,
  AssetRestored,
  AssetStackDissolved,
  AssetVersioned,
  CollaboratorRemoved,
  CommentCreated,
  CommentDeleted,
  createEventRegistry,
  EventName,
  MemberRemoved,
  NotificationsRead,
  OwnershipTransferred,
  ProjectDeleted,
  ProjectUpdated,
  TeamMemberRemoved,
  UserLoggedIn,
  UserLoggedOut,
  UserLocked,
} from '@dailies/core';
import { Actor } from '@dailies/events';
import { hasTagRule, INVALIDATING_EVENTS, TagRule, tagRules, tagsForEvent } from './event-tags';

const actor: Actor = { type: 'user', id: 'u-actor' };
const scope = (type: string, id: string) => ({
  actor,
  accountId: 'acc',
  teamId: 'team',
  projectId: 'proj',
  subject: { type, id },
});
const usage = { assetCount: 1, fileCount: 1, storageBytes: 10 };

describe('tagsForEvent', () => {
  it('drops the cached session checks of a user whose sessions ended', () => {
    expect(
      tagsForEvent(new UserLoggedOut({ ...scope('user', 'u1'), payload: { sessionsRevoked: 1 } })),
    ).toEqual(['sessions:user:u1']);
    expect(
      tagsForEvent(
        new UserLocked({
          ...scope('user', 'u2'),
          payload: { reason: 'abuse', until: null, sessionsRevoked: 0 },
        }),
      ),
    ).toEqual(['sessions:user:u2']);
  });

  it('is typed so that a rule map missing an event does not compile', () => {
    const { 'comment.created': dropped, ...missingOne } = tagRules;
    // @ts-expect-error — without a rule for comment.created this is not a full rule map.
    const incomplete: Readonly<Record<EventName, TagRule>> = missingOne;
    expect(dropped).toBe(tagRules['comment.created']);
    expect(Object.keys(incomplete)).not.toContain('comment.created');
  });

  it('has a decision for every event of the catalogue, and none for events that do not exist', () => {
    const names = createEventRegistry().names();
    expect(names.length).toBeGreaterThan(40);
    const undecided = names.filter((name) => !hasTagRule(name));
    // A new event: decide in event-tags.ts what it invalidates (`none` is a decision too).
    expect(undecided).toEqual([]);
    expect(Object.keys(tagRules).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('invalidates an asset, its parent page and its project on change', () => {
    expect(
      tagsForEvent(
        new AssetCreated({
          ...scope('asset', 'a1'),
          payload: {
            parentId: 'f1',
            type: 'file',
            name: 'Shot',
            filetype: null,
            filesize: 0,
            creatorId: 'u',
          },
        }),
      ),
    ).toEqual(['asset:a1', 'children:f1', 'project:proj']);
    expect(
      tagsForEvent(
        new AssetRenamed({
          ...scope('asset', 'a1'),
          payload: { from: 'x', to: 'y', creatorId: null },
        }),
      ),
    ).toEqual(['asset:a1', 'project:proj']);
    expect(
      tagsForEvent(
        new AssetLabelChanged({
          ...scope('asset', 'a1'),
          payload: { from: 'none', to: 'approved', creatorId: null },
        }),
      ),
    ).toEqual(['asset:a1', 'project:proj']);
  });

  it('invalidates both parents of a move', () => {
    expect(
      tagsForEvent(
        new AssetMoved({
          ...scope('asset', 'a1'),
          payload: { fromParentId: 'f1', toParentId: 'f2', index: 0, creatorId: null },
        }),
      ),
    ).toEqual(['asset:a1', 'project:proj', 'children:f1', 'children:f2']);
  });

  it('invalidates every cached asset of the project when a subtree changes state', () => {
    const subtree = ['asset:a1', 'children:f1', 'project:proj', 'project-assets:proj'];
    expect(
      tagsForEvent(
        new AssetDeleted({
          ...scope('asset', 'a1'),
          payload: { parentId: 'f1', creatorId: null, ...usage },
        }),
      ),
    ).toEqual(subtree);
    expect(
      tagsForEvent(
        new AssetRestored({
          ...scope('asset', 'a1'),
          payload: { parentId: 'f1', creatorId: null, ...usage },
        }),
      ),
    ).toEqual(subtree);
    expect(
      tagsForEvent(
        new AssetHardDeleted({ ...scope('asset', 'a1'), payload: { deletedAt: 'x', ...usage } }),
      ),
    ).toEqual(['asset:a1', 'project:proj', 'project-assets:proj']);
  });

  it('invalidates the copy and its new parent', () => {
    expect(
      tagsForEvent(
        new AssetCopied({
          ...scope('asset', 'c1'),
          payload: { sourceId: 'a1', copyId: 'c1', parentId: 'f2', commentCount: 0, ...usage },
        }),
      ),
    ).toEqual(['asset:c1', 'children:f2', 'project:proj']);
  });

  it('invalidates the stack, the version and their pages on versioning and dissolving', () => {
    const versioned = (createdStack: boolean) =>
      new AssetVersioned({
        ...scope('asset', 's1'),
        payload: { stackId: 's1', versionAssetId: 'v2', version: 2, createdStack, creatorId: null },
      });
    expect(tagsForEvent(versioned(false))).toEqual([
      'asset:s1',
      'asset:v2',
      'children:s1',
      'project:proj',
    ]);
    expect(tagsForEvent(versioned(true))).toContain('project-assets:proj');
    expect(
      tagsForEvent(
        new AssetStackDissolved({
          ...scope('asset', 's1'),
          payload: { remainingAssetId: 'v1', parentId: 'f1' },
        }),
      ),
    ).toEqual(['asset:s1', 'asset:v1', 'children:s1', 'children:f1', 'project:proj']);
  });

  it('invalidates nothing for comments, which no cache holds', () => {
    expect(
      tagsForEvent(
        new CommentCreated({
          ...scope('comment', 'c1'),
          payload: {
            assetId: 'a1',
            parentId: null,
            authorId: 'u',
            authorName: 'U',
            reviewLinkId: null,
            private: false,
            mentions: [],
            textExcerpt: '',
          },
        }),
      ),
    ).toEqual([]);
    expect(
      tagsForEvent(
        new CommentDeleted({
          ...scope('comment', 'c1'),
          payload: { assetId: 'a1', parentId: null, replyCount: 2 },
        }),
      ),
    ).toEqual([]);
  });

  it('invalidates access facts when people or rules change', () => {
    expect(
      tagsForEvent(
        new CollaboratorRemoved({ ...scope('project', 'proj'), payload: { userId: 'u2' } }),
      ),
    ).toEqual(['access:proj', 'project:proj', 'access:user:u2']);
    expect(
      tagsForEvent(
        new ProjectUpdated({
          ...scope('project', 'proj'),
          payload: { changes: { private: true } },
        }),
      ),
    ).toEqual(['access:proj', 'project:proj']);
    expect(
      tagsForEvent(
        new ProjectDeleted({
          ...scope('project', 'proj'),
          payload: {
            name: 'P',
            fileCount: 0,
            storageBytes: 0,
            trashedFileCount: 0,
            trashedStorageBytes: 0,
          },
        }),
      ),
    ).toEqual(['access:proj', 'project:proj', 'project-assets:proj']);
    expect(
      tagsForEvent(
        new MemberRemoved({
          ...scope('account', 'acc'),
          payload: { userId: 'u2', role: 'member', left: false },
        }),
      ),
    ).toEqual(['access:user:u2', 'access:account:acc']);
    expect(
      tagsForEvent(new TeamMemberRemoved({ ...scope('team', 'team'), payload: { userId: 'u3' } })),
    ).toEqual(['access:user:u3', 'access:account:acc']);
    expect(
      tagsForEvent(
        new OwnershipTransferred({
          ...scope('account', 'acc'),
          payload: { fromUserId: 'u1', toUserId: 'u2' },
        }),
      ),
    ).toEqual(['access:user:u1', 'access:user:u2', 'access:account:acc']);
  });

  it('invalidates nothing for events that change nothing cached', () => {
    expect(
      tagsForEvent(
        new UserLoggedIn({
          ...scope('user', 'u'),
          payload: { method: 'password', rehashed: false },
        }),
      ),
    ).toEqual([]);
    expect(
      tagsForEvent(
        new NotificationsRead({ ...scope('user', 'u'), payload: { count: 1, all: false } }),
      ),
    ).toEqual([]);
  });

  it('falls back to everything plausible for an event it has no decision for', () => {
    expect(
      tagsForEvent({
        eventName: 'asset.teleported',
        accountId: 'acc',
        projectId: 'proj',
        subject: { type: 'asset', id: 'a1' },
        payload: {},
      }),
    ).toEqual([
      'asset:a1',
      'project:proj',
      'project-assets:proj',
      'access:proj',
      'access:account:acc',
    ]);
  });

  it('skips payload fields that are missing or not strings', () => {
    expect(
      tagsForEvent({
        eventName: 'asset.moved',
        accountId: 'acc',
        projectId: 'proj',
        subject: { type: 'asset', id: 'a1' },
        payload: { fromParentId: null, toParentId: 42 },
      }),
    ).toEqual(['asset:a1', 'project:proj']);
  });
});

describe('INVALIDATING_EVENTS (what the cache consumer subscribes to)', () => {
  const subscribed = INVALIDATING_EVENTS.map((event) => event.eventName as string);

  it('takes every event that can invalidate something, and no comment event', () => {
    expect(subscribed).toEqual(
      expect.arrayContaining(['asset.renamed', 'user.locked', 'project.deleted']),
    );
    expect(subscribed).not.toContain('comment.created');
    expect(subscribed).not.toContain('comment.liked');
    expect(subscribed).not.toContain('staff.signed_in');
  });

  it('leaves out only events that invalidate nothing, whatever their payload', () => {
    const left = createEventRegistry()
      .names()
      .filter((name) => !subscribed.includes(name));
    expect(left.length).toBeGreaterThan(0);
    for (const name of left) {
      const everything = {
        eventName: name,
        accountId: 'acc',
        projectId: 'proj',
        subject: { type: 'user', id: 'u-1' },
        payload: { userId: 'u-2', parentId: 'p', stackId: 's', copyId: 'c' },
      };
      expect({ name, tags: tagsForEvent(everything) }).toEqual({ name, tags: [] });
    }
  });
});
