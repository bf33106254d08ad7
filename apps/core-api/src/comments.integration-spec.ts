import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';

describe('comments over HTTP', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let db: Client;
  /** Account owner: manages every project of the account (an insider). */
  let owner: SignedUpUser;
  /** Account member in the project's team: an editor and an insider. */
  let teammate: SignedUpUser;
  /** Outside collaborators (other accounts) with the reviewer and viewer roles. */
  let reviewer: SignedUpUser;
  let viewer: SignedUpUser;
  /** Someone with no access at all. */
  let stranger: SignedUpUser;
  let project: { id: string; rootAssetId: string };

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    owner = await signUp(anon, 'Olivia Owner');
    teammate = await join('Tess Teammate');
    reviewer = await signUp(anon, 'Rita Reviewer');
    viewer = await signUp(anon, 'Victor Viewer');
    stranger = await signUp(anon, 'Stan Stranger');
    const created = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Feature',
    });
    expect(created.status).toBe(201);
    project = created.body;
    for (const [user, role] of [
      [reviewer, 'reviewer'],
      [viewer, 'viewer'],
    ] as const) {
      const added = await owner.client.post(`/v2/projects/${project.id}/collaborators`, {
        userId: user.userId,
        role,
      });
      expect(added.status).toBe(201);
    }
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  /** A new member of the owner's account and default team. */
  async function join(name: string): Promise<SignedUpUser> {
    const user = await signUp(anon, name);
    const invite = await owner.client.post(`/v2/accounts/${owner.accountId}/invitations`, {
      email: user.email,
      role: 'member',
      teamId: owner.teamId,
    });
    expect(invite.status).toBe(201);
    const accepted = await user.client.post('/v2/invitations/accept', { token: invite.body.token });
    expect(accepted.status).toBe(200);
    return user;
  }

  async function newAsset(type: 'file' | 'folder', name: string, parentId = project.rootAssetId) {
    const res = await owner.client.post(`/v2/assets/${parentId}/children`, {
      type,
      name,
      ...(type === 'file' ? { filetype: 'video/mp4', filesize: 1000 } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function comment(as: SignedUpUser, assetId: string, body: Record<string, unknown>) {
    const res = await as.client.post(`/v2/assets/${assetId}/comments`, body);
    expect(res.status).toBe(201);
    return res.body;
  }

  const eventsOf = async (subjectId: string, name: string) =>
    (
      await db.query(
        'SELECT payload, actor, account_id, team_id, project_id, subject_type FROM events ' +
          'WHERE name = $1 AND subject_id = $2 ORDER BY position',
        [name, subjectId],
      )
    ).rows;

  const fieldsOf = (body: { errors?: { field: string; message: string }[] }) =>
    (body.errors ?? []).map((e) => e.field);

  it('posts a comment and answers the thread view; records comment.created', async () => {
    const fileId = await newAsset('file', 'shot-010.mov');
    const res = await owner.client.post(`/v2/assets/${fileId}/comments`, {
      text: '  Lift the shadows here  ',
      timestamp: 120,
      duration: 24,
      annotation: { shapes: [{ kind: 'arrow', from: [0.1, 0.2], to: [0.3, 0.4] }] },
      mentions: [teammate.userId],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      assetId: fileId,
      projectId: project.id,
      parentId: null,
      author: { id: owner.userId, name: 'Olivia Owner' },
      text: 'Lift the shadows here',
      timestamp: 120,
      duration: 24,
      annotation: { shapes: [{ kind: 'arrow', from: [0.1, 0.2], to: [0.3, 0.4] }] },
      private: false,
      mentions: [{ userId: teammate.userId, name: 'Tess Teammate' }],
      completed: false,
      completedAt: null,
      completedBy: null,
      likeCount: 0,
      likedByMe: false,
      editedAt: null,
      legacyId: null,
      replies: [],
    });
    expect(res.body.author).not.toHaveProperty('anonymous');

    const got = await reviewer.client.get(`/v2/comments/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);

    const [event] = await eventsOf(res.body.id, 'comment.created');
    expect(event).toMatchObject({
      account_id: owner.accountId,
      team_id: owner.teamId,
      project_id: project.id,
      subject_type: 'comment',
      payload: {
        assetId: fileId,
        parentId: null,
        authorId: owner.userId,
        authorName: 'Olivia Owner',
        reviewLinkId: null,
        private: false,
        mentions: [teammate.userId],
        textExcerpt: 'Lift the shadows here',
      },
    });
  });

  it('bounds the text (1–10,000 characters after trimming) and names the field', async () => {
    const fileId = await newAsset('file', 'text-bounds.mov');
    for (const text of ['', '   ', 'x'.repeat(10_001), 42]) {
      const res = await owner.client.post(`/v2/assets/${fileId}/comments`, { text });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['text']);
    }
    const longest = await comment(owner, fileId, { text: 'x'.repeat(10_000) });
    expect(longest.text).toHaveLength(10_000);
    const excerpt = (await eventsOf(longest.id, 'comment.created'))[0].payload.textExcerpt;
    expect(excerpt).toBe('x'.repeat(200));
  });

  it('checks frames, durations, annotations and unknown fields', async () => {
    const fileId = await newAsset('file', 'fields.mov');
    const cases: [Record<string, unknown>, string][] = [
      [{ timestamp: -1 }, 'timestamp'],
      [{ timestamp: 1.5 }, 'timestamp'],
      [{ timestamp: 10, duration: 0 }, 'duration'],
      [{ duration: 10 }, 'duration'],
      [{ annotation: 'a drawing' }, 'annotation'],
      [{ annotation: { blob: 'x'.repeat(256 * 1024) } }, 'annotation'],
      [{ private: 'yes' }, 'private'],
      [{ mentions: 'someone' }, 'mentions'],
      [{ colour: 'red' }, '(body)'],
    ];
    for (const [extra, field] of cases) {
      const res = await owner.client.post(`/v2/assets/${fileId}/comments`, {
        text: 'note',
        ...extra,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toEqual([field]);
    }
    const drawing = [{ kind: 'circle', r: 0.2 }];
    const ok = await comment(owner, fileId, { text: 'circled', annotation: drawing, timestamp: 0 });
    expect(ok).toMatchObject({ annotation: drawing, timestamp: 0, duration: null });
  });

  it('lets only people with access be mentioned (insiders only on private comments)', async () => {
    const fileId = await newAsset('file', 'mentions.mov');
    const bad = await owner.client.post(`/v2/assets/${fileId}/comments`, {
      text: 'cc',
      mentions: [reviewer.userId, stranger.userId, 'not-a-user'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'mentions.1', message: expect.stringContaining(stranger.userId) },
      { field: 'mentions.2', message: expect.stringContaining('not-a-user') },
    ]);
    const privateToOutsider = await owner.client.post(`/v2/assets/${fileId}/comments`, {
      text: 'internal',
      private: true,
      mentions: [reviewer.userId],
    });
    expect(privateToOutsider.status).toBe(400);
    expect(fieldsOf(privateToOutsider.body)).toEqual(['mentions.0']);

    const ok = await comment(owner, fileId, {
      text: 'cc both',
      mentions: [viewer.userId, reviewer.userId, viewer.userId],
    });
    expect(ok.mentions).toEqual([
      { userId: reviewer.userId, name: 'Rita Reviewer' },
      { userId: viewer.userId, name: 'Victor Viewer' },
    ]);
  });

  it('lets reviewers comment but not viewers; strangers see nothing', async () => {
    const fileId = await newAsset('file', 'roles.mov');
    expect(
      (await reviewer.client.post(`/v2/assets/${fileId}/comments`, { text: 'ok' })).status,
    ).toBe(201);
    const denied = await viewer.client.post(`/v2/assets/${fileId}/comments`, { text: 'no' });
    expect(denied.status).toBe(403);
    const hidden = await stranger.client.post(`/v2/assets/${fileId}/comments`, { text: 'no' });
    expect(hidden.status).toBe(404);
    expect((await stranger.client.get(`/v2/assets/${fileId}/comments`)).status).toBe(404);
    const listed = await viewer.client.get(`/v2/assets/${fileId}/comments`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: { text: string }) => c.text)).toEqual(['ok']);
  });

  it('refuses folders (409) and puts comments on a version stack on its head version', async () => {
    const folderId = await newAsset('folder', 'Selects');
    const onFolder = await owner.client.post(`/v2/assets/${folderId}/comments`, { text: 'hm' });
    expect(onFolder.status).toBe(409);
    expect((await owner.client.get(`/v2/assets/${folderId}/comments`)).status).toBe(409);

    const v1 = await newAsset('file', 'cut-v1.mov');
    const v2 = await newAsset('file', 'cut-v2.mov');
    const stacked = await owner.client.post(`/v2/assets/${v1}/version`, { nextAssetId: v2 });
    expect(stacked.status).toBe(201);
    const stackId = stacked.body.id as string;
    const onStack = await comment(owner, stackId, { text: 'on the latest cut' });
    expect(onStack.assetId).toBe(v2);
    const viaStack = await owner.client.get(`/v2/assets/${stackId}/comments`);
    const viaHead = await owner.client.get(`/v2/assets/${v2}/comments`);
    expect(viaStack.body).toEqual(viaHead.body);
    expect(viaHead.body.data.map((c: { id: string }) => c.id)).toEqual([onStack.id]);
    const viaOld = await owner.client.get(`/v2/assets/${v1}/comments`);
    expect(viaOld.body.data).toEqual([]);
  });

  it('hides private comments from outside collaborators; only insiders make them', async () => {
    const fileId = await newAsset('file', 'private.mov');
    const denied = await reviewer.client.post(`/v2/assets/${fileId}/comments`, {
      text: 'secret',
      private: true,
    });
    expect(denied.status).toBe(403);
    const secret = await comment(teammate, fileId, { text: 'internal note', private: true });
    await comment(owner, fileId, { text: 'public note' });
    const reply = await owner.client.post(`/v2/comments/${secret.id}/replies`, { text: 'agreed' });
    expect(reply.status).toBe(201);
    expect(reply.body.private).toBe(true);

    const texts = async (as: SignedUpUser) =>
      (await as.client.get(`/v2/assets/${fileId}/comments?sort=time`)).body.data.map(
        (c: { text: string }) => c.text,
      );
    expect(await texts(owner)).toEqual(['internal note', 'public note']);
    expect(await texts(teammate)).toEqual(['internal note', 'public note']);
    expect(await texts(reviewer)).toEqual(['public note']);
    expect(await texts(viewer)).toEqual(['public note']);
    expect((await reviewer.client.get(`/v2/comments/${secret.id}`)).status).toBe(404);
    expect((await reviewer.client.get(`/v2/comments/${reply.body.id}`)).status).toBe(404);
    const replyToHidden = await reviewer.client.post(`/v2/comments/${secret.id}/replies`, {
      text: 'let me in',
    });
    expect(replyToHidden.status).toBe(404);
  });

  it('threads replies one level deep: a reply to a reply joins the top-level thread', async () => {
    const fileId = await newAsset('file', 'threads.mov');
    const top = await comment(owner, fileId, { text: 'Grade too warm?' });
    const first = await reviewer.client.post(`/v2/comments/${top.id}/replies`, {
      text: 'A little',
      mentions: [owner.userId],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      parentId: top.id,
      assetId: fileId,
      author: { id: reviewer.userId, name: 'Rita Reviewer' },
      mentions: [{ userId: owner.userId, name: 'Olivia Owner' }],
    });
    expect(first.body).not.toHaveProperty('replies');
    const nested = await owner.client.post(`/v2/comments/${first.body.id}/replies`, {
      text: 'Fixed in v2',
    });
    expect(nested.status).toBe(201);
    expect(nested.body.parentId).toBe(top.id);
    const viewerReply = await viewer.client.post(`/v2/comments/${top.id}/replies`, { text: 'x' });
    expect(viewerReply.status).toBe(403);
    const bad = await owner.client.post(`/v2/comments/${top.id}/replies`, { text: ' ' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['text']);

    const list = await viewer.client.get(`/v2/assets/${fileId}/comments`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].replies.map((r: { text: string }) => r.text)).toEqual([
      'A little',
      'Fixed in v2',
    ]);
    const thread = await viewer.client.get(`/v2/comments/${top.id}`);
    expect(thread.body.replies).toHaveLength(2);
    const [event] = await eventsOf(nested.body.id, 'comment.created');
    expect(event.payload).toMatchObject({ parentId: top.id, authorId: owner.userId });
  });

  it('lets only the author edit; marks editedAt; records the changed keys', async () => {
    const fileId = await newAsset('file', 'edit.mov');
    const mine = await comment(reviewer, fileId, { text: 'typo', timestamp: 5, duration: 10 });
    const notAuthor = await owner.client.patch(`/v2/comments/${mine.id}`, { text: 'mine now' });
    expect(notAuthor.status).toBe(403);
    const edited = await reviewer.client.patch(`/v2/comments/${mine.id}`, {
      text: 'fixed',
      annotation: { dot: [0.5, 0.5] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ text: 'fixed', annotation: { dot: [0.5, 0.5] } });
    expect(Date.parse(edited.body.editedAt)).toBeGreaterThanOrEqual(Date.parse(mine.createdAt));
    const [event] = await eventsOf(mine.id, 'comment.edited');
    expect(event.payload).toEqual({ assetId: fileId, changes: ['text', 'annotation'] });

    const untimed = await reviewer.client.patch(`/v2/comments/${mine.id}`, { timestamp: null });
    expect(untimed.body).toMatchObject({ timestamp: null, duration: null });
    const orphan = await reviewer.client.patch(`/v2/comments/${mine.id}`, { duration: 3 });
    expect(orphan.status).toBe(400);
    expect(fieldsOf(orphan.body)).toEqual(['duration']);
    const outsiderPrivate = await reviewer.client.patch(`/v2/comments/${mine.id}`, {
      private: true,
    });
    expect(outsiderPrivate.status).toBe(403);

    const top = await comment(owner, fileId, { text: 'thread' });
    const reply = await owner.client.post(`/v2/comments/${top.id}/replies`, { text: 'reply' });
    const replyPrivate = await owner.client.patch(`/v2/comments/${reply.body.id}`, {
      private: true,
    });
    expect(replyPrivate.status).toBe(400);
    expect(fieldsOf(replyPrivate.body)).toEqual(['private']);
    const hidden = await owner.client.patch(`/v2/comments/${top.id}`, { private: true });
    expect(hidden.body.private).toBe(true);
    expect(hidden.body.replies[0].private).toBe(true);
    expect((await reviewer.client.get(`/v2/comments/${reply.body.id}`)).status).toBe(404);
  });

  it('deletes by author or manager; a thread goes with its replies', async () => {
    const fileId = await newAsset('file', 'delete.mov');
    const byReviewer = await comment(reviewer, fileId, { text: 'remove me' });
    const r1 = await owner.client.post(`/v2/comments/${byReviewer.id}/replies`, { text: 'r1' });
    await teammate.client.post(`/v2/comments/${byReviewer.id}/replies`, { text: 'r2' });
    // The teammate edits the project but neither wrote the comment nor manages the project.
    expect((await teammate.client.delete(`/v2/comments/${byReviewer.id}`)).status).toBe(403);
    expect((await viewer.client.delete(`/v2/comments/${byReviewer.id}`)).status).toBe(403);
    expect((await owner.client.delete(`/v2/comments/${byReviewer.id}`)).status).toBe(204);
    expect((await owner.client.get(`/v2/comments/${byReviewer.id}`)).status).toBe(404);
    expect((await owner.client.get(`/v2/comments/${r1.body.id}`)).status).toBe(404);
    expect((await owner.client.get(`/v2/assets/${fileId}/comments`)).body.data).toEqual([]);
    const [event] = await eventsOf(byReviewer.id, 'comment.deleted');
    expect(event.payload).toEqual({ assetId: fileId, parentId: null, replyCount: 2 });

    const own = await comment(reviewer, fileId, { text: 'my own' });
    expect((await reviewer.client.delete(`/v2/comments/${own.id}`)).status).toBe(204);
    expect((await reviewer.client.delete(`/v2/comments/${own.id}`)).status).toBe(404);
  });

  it('completes and reopens top-level comments, idempotently, keeping who and when', async () => {
    const fileId = await newAsset('file', 'complete.mov');
    const top = await comment(owner, fileId, { text: 'Fix the flicker' });
    const done = await reviewer.client.post(`/v2/comments/${top.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      completed: true,
      completedBy: { id: reviewer.userId, name: 'Rita Reviewer' },
    });
    expect(Date.parse(done.body.completedAt)).toBeGreaterThanOrEqual(Date.parse(top.createdAt));
    const again = await owner.client.post(`/v2/comments/${top.id}/complete`);
    expect(again.status).toBe(200);
    expect(again.body.completedAt).toBe(done.body.completedAt);
    expect(again.body.completedBy.id).toBe(reviewer.userId);
    expect(await eventsOf(top.id, 'comment.completed')).toHaveLength(1);

    expect((await viewer.client.post(`/v2/comments/${top.id}/complete`)).status).toBe(403);
    const reply = await owner.client.post(`/v2/comments/${top.id}/replies`, { text: 'on it' });
    expect((await owner.client.post(`/v2/comments/${reply.body.id}/complete`)).status).toBe(409);

    const reopened = await owner.client.delete(`/v2/comments/${top.id}/complete`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ completed: false, completedAt: null, completedBy: null });
    expect((await owner.client.delete(`/v2/comments/${top.id}/complete`)).status).toBe(200);
    expect(await eventsOf(top.id, 'comment.uncompleted')).toHaveLength(1);
  });

  it('counts a like once per user and says whether I liked it', async () => {
    const fileId = await newAsset('file', 'likes.mov');
    const top = await comment(teammate, fileId, { text: 'Nice transition' });
    const liked = await reviewer.client.post(`/v2/comments/${top.id}/like`);
    expect(liked.status).toBe(200);
    expect(liked.body).toMatchObject({ likeCount: 1, likedByMe: true });
    const twice = await reviewer.client.post(`/v2/comments/${top.id}/like`);
    expect(twice.body).toMatchObject({ likeCount: 1, likedByMe: true });
    const events = await eventsOf(top.id, 'comment.liked');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({ assetId: fileId, authorId: teammate.userId });

    expect((await viewer.client.post(`/v2/comments/${top.id}/like`)).status).toBe(403);
    await owner.client.post(`/v2/comments/${top.id}/like`);
    const seenByViewer = await viewer.client.get(`/v2/comments/${top.id}`);
    expect(seenByViewer.body).toMatchObject({ likeCount: 2, likedByMe: false });
    const listed = await owner.client.get(`/v2/assets/${fileId}/comments`);
    expect(listed.body.data[0]).toMatchObject({ likeCount: 2, likedByMe: true });

    const unliked = await reviewer.client.delete(`/v2/comments/${top.id}/like`);
    expect(unliked.body).toMatchObject({ likeCount: 1, likedByMe: false });
    expect((await reviewer.client.delete(`/v2/comments/${top.id}/like`)).body.likeCount).toBe(1);
    expect(await eventsOf(top.id, 'comment.unliked')).toHaveLength(1);
  });

  it('sorts by frame (no frame last) or by time, with keyset pagination', async () => {
    const fileId = await newAsset('file', 'sorting.mov');
    const posted: { id: string; text: string }[] = [];
    for (const [text, timestamp] of [
      ['a@30', 30],
      ['b@none', undefined],
      ['c@10', 10],
      ['d@30', 30],
      ['e@0', 0],
      ['f@none', undefined],
    ] as const) {
      posted.push(await comment(owner, fileId, { text, timestamp }));
    }
    const onePage = async (query: string): Promise<{ texts: string[]; next: string | null }> => {
      const res = await owner.client.get(`/v2/assets/${fileId}/comments${query}`);
      expect(res.status).toBe(200);
      return {
        texts: res.body.data.map((c: { text: string }) => c.text),
        next: res.body.nextCursor,
      };
    };
    /** Every page in turn, checking that none is longer than the limit. */
    const all = async (sort: string, limit: number) => {
      const texts: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await onePage(
          `?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.texts.length).toBeLessThanOrEqual(limit);
        texts.push(...page.texts);
        cursor = page.next;
        pages += 1;
      } while (cursor);
      return { texts, pages };
    };
    const byFrame = ['e@0', 'c@10', 'a@30', 'd@30', 'b@none', 'f@none'];
    const byTime = ['a@30', 'b@none', 'c@10', 'd@30', 'e@0', 'f@none'];
    expect((await all('frame', 50)).texts).toEqual(byFrame);
    expect(await all('frame', 2)).toEqual({ texts: byFrame, pages: 3 });
    expect(await all('frame', 4)).toEqual({ texts: byFrame, pages: 2 });
    expect(await all('time', 1)).toEqual({ texts: byTime, pages: 6 });
    const defaultSort = await owner.client.get(`/v2/assets/${fileId}/comments`);
    expect(defaultSort.body.data.map((c: { text: string }) => c.text)).toEqual(byFrame);
    expect(defaultSort.body.nextCursor).toBeNull();

    const page = await owner.client.get(`/v2/assets/${fileId}/comments?sort=time&limit=2`);
    const foreign = await owner.client.get(
      `/v2/assets/${fileId}/comments?sort=frame&cursor=${page.body.nextCursor}`,
    );
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['cursor']);
    for (const query of ['?cursor=garbage', '?sort=random', '?limit=0', '?limit=101']) {
      const res = await owner.client.get(`/v2/assets/${fileId}/comments${query}`);
      expect(res.status).toBe(400);
    }
    const forged = Buffer.from(JSON.stringify([1, 'yesterday', 'x'])).toString('base64url');
    const forgedRes = await owner.client.get(`/v2/assets/${fileId}/comments?cursor=${forged}`);
    expect(forgedRes.status).toBe(400);
  });

  it('treats archived projects as read-only', async () => {
    const created = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Archive me',
    });
    const fileRes = await owner.client.post(`/v2/assets/${created.body.rootAssetId}/children`, {
      type: 'file',
      name: 'old.mov',
    });
    const top = await comment(owner, fileRes.body.id, { text: 'before archiving' });
    const archived = await owner.client.patch(`/v2/projects/${created.body.id}`, {
      archived: true,
    });
    expect(archived.status).toBe(200);
    const res = await owner.client.post(`/v2/assets/${fileRes.body.id}/comments`, { text: 'x' });
    expect(res.status).toBe(409);
    expect((await owner.client.post(`/v2/comments/${top.id}/like`)).status).toBe(409);
    expect((await owner.client.get(`/v2/comments/${top.id}`)).status).toBe(200);
  });
});
