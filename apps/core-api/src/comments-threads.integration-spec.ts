import { commentsSuite } from './testing/comments-kit';

/** Replies, edits, deletion, completion, likes, sorting and archived projects. */
describe('comment threads over HTTP', () => {
  const { s, newAsset, comment, eventsOf, fieldsOf } = commentsSuite();

  it('threads replies one level deep: a reply to a reply joins the top-level thread', async () => {
    const fileId = await newAsset('file', 'threads.mov');
    const top = await comment(s.owner, fileId, { text: 'Grade too warm?' });
    const first = await s.reviewer.client.post(`/v2/comments/${top.id}/replies`, {
      text: 'A little',
      mentions: [s.owner.userId],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      parentId: top.id,
      assetId: fileId,
      author: { id: s.reviewer.userId, name: 'Rita Reviewer' },
      mentions: [{ userId: s.owner.userId, name: 'Olivia Owner' }],
    });
    expect(first.body).not.toHaveProperty('replies');
    const nested = await s.owner.client.post(`/v2/comments/${first.body.id}/replies`, {
      text: 'Fixed in v2',
    });
    expect(nested.status).toBe(201);
    expect(nested.body.parentId).toBe(top.id);
    const viewerReply = await s.viewer.client.post(`/v2/comments/${top.id}/replies`, { text: 'x' });
    expect(viewerReply.status).toBe(403);
    const bad = await s.owner.client.post(`/v2/comments/${top.id}/replies`, { text: ' ' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['text']);

    const list = await s.viewer.client.get(`/v2/assets/${fileId}/comments`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].replies.map((r: { text: string }) => r.text)).toEqual([
      'A little',
      'Fixed in v2',
    ]);
    const thread = await s.viewer.client.get(`/v2/comments/${top.id}`);
    expect(thread.body.replies).toHaveLength(2);
    const [event] = await eventsOf(nested.body.id, 'comment.created');
    expect(event.payload).toMatchObject({ parentId: top.id, authorId: s.owner.userId });
  });

  it('lets only the author edit; marks editedAt; records the changed keys', async () => {
    const fileId = await newAsset('file', 'edit.mov');
    const mine = await comment(s.reviewer, fileId, { text: 'typo', timestamp: 5, duration: 10 });
    const notAuthor = await s.owner.client.patch(`/v2/comments/${mine.id}`, { text: 'mine now' });
    expect(notAuthor.status).toBe(403);
    const edited = await s.reviewer.client.patch(`/v2/comments/${mine.id}`, {
      text: 'fixed',
      annotation: { dot: [0.5, 0.5] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ text: 'fixed', annotation: { dot: [0.5, 0.5] } });
    expect(Date.parse(edited.body.editedAt)).toBeGreaterThanOrEqual(Date.parse(mine.createdAt));
    const [event] = await eventsOf(mine.id, 'comment.edited');
    expect(event.payload).toEqual({ assetId: fileId, changes: ['text', 'annotation'] });

    const untimed = await s.reviewer.client.patch(`/v2/comments/${mine.id}`, { timestamp: null });
    expect(untimed.body).toMatchObject({ timestamp: null, duration: null });
    const orphan = await s.reviewer.client.patch(`/v2/comments/${mine.id}`, { duration: 3 });
    expect(orphan.status).toBe(400);
    expect(fieldsOf(orphan.body)).toEqual(['duration']);
    const outsiderPrivate = await s.reviewer.client.patch(`/v2/comments/${mine.id}`, {
      private: true,
    });
    expect(outsiderPrivate.status).toBe(403);

    const top = await comment(s.owner, fileId, { text: 'thread' });
    const reply = await s.owner.client.post(`/v2/comments/${top.id}/replies`, { text: 'reply' });
    const replyPrivate = await s.owner.client.patch(`/v2/comments/${reply.body.id}`, {
      private: true,
    });
    expect(replyPrivate.status).toBe(400);
    expect(fieldsOf(replyPrivate.body)).toEqual(['private']);
    const hidden = await s.owner.client.patch(`/v2/comments/${top.id}`, { private: true });
    expect(hidden.body.private).toBe(true);
    expect(hidden.body.replies[0].private).toBe(true);
    expect((await s.reviewer.client.get(`/v2/comments/${reply.body.id}`)).status).toBe(404);
  });

  it('deletes by author or manager; a thread goes with its replies', async () => {
    const fileId = await newAsset('file', 'delete.mov');
    const byReviewer = await comment(s.reviewer, fileId, { text: 'remove me' });
    const r1 = await s.owner.client.post(`/v2/comments/${byReviewer.id}/replies`, { text: 'r1' });
    await s.teammate.client.post(`/v2/comments/${byReviewer.id}/replies`, { text: 'r2' });
    // The s.teammate edits the s.project but neither wrote the comment nor manages the s.project.
    expect((await s.teammate.client.delete(`/v2/comments/${byReviewer.id}`)).status).toBe(403);
    expect((await s.viewer.client.delete(`/v2/comments/${byReviewer.id}`)).status).toBe(403);
    expect((await s.owner.client.delete(`/v2/comments/${byReviewer.id}`)).status).toBe(204);
    expect((await s.owner.client.get(`/v2/comments/${byReviewer.id}`)).status).toBe(404);
    expect((await s.owner.client.get(`/v2/comments/${r1.body.id}`)).status).toBe(404);
    expect((await s.owner.client.get(`/v2/assets/${fileId}/comments`)).body.data).toEqual([]);
    const [event] = await eventsOf(byReviewer.id, 'comment.deleted');
    expect(event.payload).toEqual({ assetId: fileId, parentId: null, replyCount: 2 });

    const own = await comment(s.reviewer, fileId, { text: 'my own' });
    expect((await s.reviewer.client.delete(`/v2/comments/${own.id}`)).status).toBe(204);
    expect((await s.reviewer.client.delete(`/v2/comments/${own.id}`)).status).toBe(404);
  });

  it('completes and reopens top-level comments, idempotently, keeping who and when', async () => {
    const fileId = await newAsset('file', 'complete.mov');
    const top = await comment(s.owner, fileId, { text: 'Fix the flicker' });
    const done = await s.reviewer.client.post(`/v2/comments/${top.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      completed: true,
      completedBy: { id: s.reviewer.userId, name: 'Rita Reviewer' },
    });
    expect(Date.parse(done.body.completedAt)).toBeGreaterThanOrEqual(Date.parse(top.createdAt));
    const again = await s.owner.client.post(`/v2/comments/${top.id}/complete`);
    expect(again.status).toBe(200);
    expect(again.body.completedAt).toBe(done.body.completedAt);
    expect(again.body.completedBy.id).toBe(s.reviewer.userId);
    expect(await eventsOf(top.id, 'comment.completed')).toHaveLength(1);

    expect((await s.viewer.client.post(`/v2/comments/${top.id}/complete`)).status).toBe(403);
    const reply = await s.owner.client.post(`/v2/comments/${top.id}/replies`, { text: 'on it' });
    expect((await s.owner.client.post(`/v2/comments/${reply.body.id}/complete`)).status).toBe(409);

    const reopened = await s.owner.client.delete(`/v2/comments/${top.id}/complete`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ completed: false, completedAt: null, completedBy: null });
    expect((await s.owner.client.delete(`/v2/comments/${top.id}/complete`)).status).toBe(200);
    expect(await eventsOf(top.id, 'comment.uncompleted')).toHaveLength(1);
  });

  it('counts a like once per user and says whether I liked it', async () => {
    const fileId = await newAsset('file', 'likes.mov');
    const top = await comment(s.teammate, fileId, { text: 'Nice transition' });
    const liked = await s.reviewer.client.post(`/v2/comments/${top.id}/like`);
    expect(liked.status).toBe(200);
    expect(liked.body).toMatchObject({ likeCount: 1, likedByMe: true });
    const twice = await s.reviewer.client.post(`/v2/comments/${top.id}/like`);
    expect(twice.body).toMatchObject({ likeCount: 1, likedByMe: true });
    const events = await eventsOf(top.id, 'comment.liked');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({ assetId: fileId, authorId: s.teammate.userId });

    expect((await s.viewer.client.post(`/v2/comments/${top.id}/like`)).status).toBe(403);
    await s.owner.client.post(`/v2/comments/${top.id}/like`);
    const seenByViewer = await s.viewer.client.get(`/v2/comments/${top.id}`);
    expect(seenByViewer.body).toMatchObject({ likeCount: 2, likedByMe: false });
    const listed = await s.owner.client.get(`/v2/assets/${fileId}/comments`);
    expect(listed.body.data[0]).toMatchObject({ likeCount: 2, likedByMe: true });

    const unliked = await s.reviewer.client.delete(`/v2/comments/${top.id}/like`);
    expect(unliked.body).toMatchObject({ likeCount: 1, likedByMe: false });
    expect((await s.reviewer.client.delete(`/v2/comments/${top.id}/like`)).body.likeCount).toBe(1);
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
      posted.push(await comment(s.owner, fileId, { text, timestamp }));
    }
    const onePage = async (query: string): Promise<{ texts: string[]; next: string | null }> => {
      const res = await s.owner.client.get(`/v2/assets/${fileId}/comments${query}`);
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
    const defaultSort = await s.owner.client.get(`/v2/assets/${fileId}/comments`);
    expect(defaultSort.body.data.map((c: { text: string }) => c.text)).toEqual(byFrame);
    expect(defaultSort.body.nextCursor).toBeNull();

    const page = await s.owner.client.get(`/v2/assets/${fileId}/comments?sort=time&limit=2`);
    const foreign = await s.owner.client.get(
      `/v2/assets/${fileId}/comments?sort=frame&cursor=${page.body.nextCursor}`,
    );
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['cursor']);
    for (const query of ['?cursor=garbage', '?sort=random', '?limit=0', '?limit=101']) {
      const res = await s.owner.client.get(`/v2/assets/${fileId}/comments${query}`);
      expect(res.status).toBe(400);
    }
    const forged = Buffer.from(JSON.stringify([1, 'yesterday', 'x'])).toString('base64url');
    const forgedRes = await s.owner.client.get(`/v2/assets/${fileId}/comments?cursor=${forged}`);
    expect(forgedRes.status).toBe(400);
  });

  it('treats archived projects as read-only', async () => {
    const created = await s.owner.client.post(`/v2/teams/${s.owner.teamId}/projects`, {
      name: 'Archive me',
    });
    const fileRes = await s.owner.client.post(`/v2/assets/${created.body.rootAssetId}/children`, {
      type: 'file',
      name: 'old.mov',
    });
    const top = await comment(s.owner, fileRes.body.id, { text: 'before archiving' });
    const archived = await s.owner.client.patch(`/v2/projects/${created.body.id}`, {
      archived: true,
    });
    expect(archived.status).toBe(200);
    const res = await s.owner.client.post(`/v2/assets/${fileRes.body.id}/comments`, { text: 'x' });
    expect(res.status).toBe(409);
    expect((await s.owner.client.post(`/v2/comments/${top.id}/like`)).status).toBe(409);
    expect((await s.owner.client.get(`/v2/comments/${top.id}`)).status).toBe(200);
  });
});
