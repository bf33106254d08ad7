import { notificationKinds } from '@dailies/core';
import { notificationText } from './notification-text';

describe('notificationText', () => {
  const parts = {
    actorName: 'Ana',
    assetName: 'Shot 012.mov',
    projectName: 'Feature',
    excerpt: 'Too dark here',
    reviewLinkName: 'Client cut',
    version: 3,
    label: 'approved',
    role: 'editor',
  };

  it('reads like a sentence for every kind', () => {
    expect(notificationText('comment', parts)).toEqual({
      title: 'Ana commented on Shot 012.mov',
      body: 'Too dark here',
    });
    expect(notificationText('reply', parts).title).toBe(
      'Ana replied to your comment on Shot 012.mov',
    );
    expect(notificationText('mention', parts).title).toBe('Ana mentioned you on Shot 012.mov');
    expect(notificationText('review_comment', parts).title).toBe(
      'Ana commented on Shot 012.mov via the review link "Client cut"',
    );
    expect(notificationText('upload', parts)).toEqual({
      title: 'Ana uploaded Shot 012.mov',
      body: 'In Feature',
    });
    expect(notificationText('version', parts).title).toBe('Ana added version 3 of Shot 012.mov');
    expect(notificationText('label', parts).title).toBe('Ana marked Shot 012.mov as Approved');
    expect(notificationText('label', { ...parts, label: 'none' }).title).toBe(
      'Ana cleared the label of Shot 012.mov',
    );
    expect(notificationText('added_to_project', parts)).toEqual({
      title: 'Ana added you to Feature',
      body: 'You can now work on it as an editor',
    });
  });

  it('has a title for every kind, even with little to go on', () => {
    for (const kind of notificationKinds) {
      expect(notificationText(kind, { actorName: '' }).title).toMatch(/^Someone /);
    }
  });
});
