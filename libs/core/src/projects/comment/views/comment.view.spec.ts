import {
  commentThreadViewSchema,
  commentViewSchema,
  CommentRow,
  toCommentThreadView,
} from './comment.view';

const at = new Date('2026-12-01T10:00:00.000Z');
const row = (over: Partial<CommentRow>): CommentRow => ({
  id: 'c1',
  assetId: 'a1',
  projectId: 'p1',
  parentId: null,
  authorId: 'u1',
  authorName: null,
  authorUserName: 'Ada',
  text: 'Too dark here',
  frame: 120,
  durationFrames: null,
  annotation: undefined,
  private: false,
  completedAt: null,
  completedById: null,
  completedByName: null,
  editedAt: null,
  legacyId: null,
  createdAt: at,
  updatedAt: at,
  likeCount: 0,
  likedByMe: false,
  mentions: [],
  frameRateNum: null,
  frameRateDen: null,
  ...over,
});

describe('the comment view and its schema', () => {
  it('a thread with an anonymous reply is what the documented schemas describe', () => {
    const reply = row({
      id: 'c2',
      parentId: 'c1',
      authorId: null,
      authorName: 'Client',
      frame: null,
    });
    const done = row({ completedAt: at, completedById: 'u2', completedByName: 'Bo' });
    const thread = toCommentThreadView(done, [reply]);
    expect(commentThreadViewSchema.parse(thread)).toEqual(thread);
    expect(thread.replies[0].author).toEqual({ id: null, name: 'Client', anonymous: true });
    // Every field is present, even when null: clients can rely on them.
    expect(thread).toMatchObject({ annotation: null, timestamp: 120, duration: null, time: null });
  });

  it('answers a timestamp in frames, seconds and timecode once the rate is known', () => {
    const ntsc = toCommentThreadView(
      row({ frame: 1800, durationFrames: 30, frameRateNum: 30000, frameRateDen: 1001 }),
      [],
    );
    expect(commentThreadViewSchema.parse(ntsc)).toEqual(ntsc);
    expect(ntsc.time).toEqual({
      frameRate: '30000/1001',
      start: { frame: 1800, seconds: 60.06, smpte: '00:01:00;02' },
      end: { frame: 1830, seconds: 61.061, smpte: '00:01:01;02' },
    });
    const film = toCommentThreadView(
      row({ frame: 1001, frameRateNum: 24000, frameRateDen: 1001 }),
      [],
    );
    expect(film.time).toEqual({
      frameRate: '24000/1001',
      start: { frame: 1001, seconds: 41.750042, smpte: '00:00:41:17' },
      end: null,
    });
  });

  it('the schema refuses what the view never sends (a missing field, a signed-in author without an id)', () => {
    const { text: _text, ...withoutText } = toCommentThreadView(row({}), []);
    expect(commentViewSchema.safeParse(withoutText).success).toBe(false);
    const view = toCommentThreadView(row({}), []);
    const badAuthor = { ...view, author: { id: null, name: 'Ada' } };
    expect(commentViewSchema.safeParse(badAuthor).success).toBe(false);
  });
});
