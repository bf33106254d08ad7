import { SignedUpUser } from './testing/fixtures';
import { commentsSuite } from './testing/comments-kit';

describe('comments over HTTP', () => {
  const { s, newAsset, comment, eventsOf, fieldsOf } = commentsSuite();

  it('posts a comment and answers the thread view; records comment.created', async () => {
    const fileId = await newAsset('file', 'shot-010.mov');
    const res = await s.owner.client.post(`/v2/assets/${fileId}/comments`, {
      text: '  Lift the shadows here  ',
      timestamp: 120,
      duration: 24,
      annotation: { shapes: [{ kind: 'arrow', from: [0.1, 0.2], to: [0.3, 0.4] }] },
      mentions: [s.teammate.userId],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      assetId: fileId,
      projectId: s.project.id,
      parentId: null,
      author: { id: s.owner.userId, name: 'Olivia Owner' },
      text: 'Lift the shadows here',
      timestamp: 120,
      duration: 24,
      annotation: { shapes: [{ kind: 'arrow', from: [0.1, 0.2], to: [0.3, 0.4] }] },
      private: false,
      mentions: [{ userId: s.teammate.userId, name: 'Tess Teammate' }],
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

    const got = await s.reviewer.client.get(`/v2/comments/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);

    const [event] = await eventsOf(res.body.id, 'comment.created');
    expect(event).toMatchObject({
      account_id: s.owner.accountId,
      team_id: s.owner.teamId,
      project_id: s.project.id,
      subject_type: 'comment',
      payload: {
        assetId: fileId,
        parentId: null,
        authorId: s.owner.userId,
        authorName: 'Olivia Owner',
        reviewLinkId: null,
        private: false,
        mentions: [s.teammate.userId],
        textExcerpt: 'Lift the shadows here',
      },
    });
  });

  it('bounds the text (1–10,000 characters after trimming) and names the field', async () => {
    const fileId = await newAsset('file', 'text-bounds.mov');
    for (const text of ['', '   ', 'x'.repeat(10_001), 42]) {
      const res = await s.owner.client.post(`/v2/assets/${fileId}/comments`, { text });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['text']);
    }
    const longest = await comment(s.owner, fileId, { text: 'x'.repeat(10_000) });
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
      const res = await s.owner.client.post(`/v2/assets/${fileId}/comments`, {
        text: 'note',
        ...extra,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toEqual([field]);
    }
    const drawing = [{ kind: 'circle', r: 0.2 }];
    const ok = await comment(s.owner, fileId, {
      text: 'circled',
      annotation: drawing,
      timestamp: 0,
    });
    expect(ok).toMatchObject({ annotation: drawing, timestamp: 0, duration: null });
  });

  it('lets only people with access be mentioned (insiders only on private comments)', async () => {
    const fileId = await newAsset('file', 'mentions.mov');
    const bad = await s.owner.client.post(`/v2/assets/${fileId}/comments`, {
      text: 'cc',
      mentions: [s.reviewer.userId, s.stranger.userId, 'not-a-user'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'mentions.1', message: expect.stringContaining(s.stranger.userId) },
      { field: 'mentions.2', message: expect.stringContaining('not-a-user') },
    ]);
    const privateToOutsider = await s.owner.client.post(`/v2/assets/${fileId}/comments`, {
      text: 'internal',
      private: true,
      mentions: [s.reviewer.userId],
    });
    expect(privateToOutsider.status).toBe(400);
    expect(fieldsOf(privateToOutsider.body)).toEqual(['mentions.0']);

    const ok = await comment(s.owner, fileId, {
      text: 'cc both',
      mentions: [s.viewer.userId, s.reviewer.userId, s.viewer.userId],
    });
    expect(ok.mentions).toEqual([
      { userId: s.reviewer.userId, name: 'Rita Reviewer' },
      { userId: s.viewer.userId, name: 'Victor Viewer' },
    ]);
  });

  it('lets reviewers comment but not viewers; strangers see nothing', async () => {
    const fileId = await newAsset('file', 'roles.mov');
    expect(
      (await s.reviewer.client.post(`/v2/assets/${fileId}/comments`, { text: 'ok' })).status,
    ).toBe(201);
    const denied = await s.viewer.client.post(`/v2/assets/${fileId}/comments`, { text: 'no' });
    expect(denied.status).toBe(403);
    const hidden = await s.stranger.client.post(`/v2/assets/${fileId}/comments`, { text: 'no' });
    expect(hidden.status).toBe(404);
    expect((await s.stranger.client.get(`/v2/assets/${fileId}/comments`)).status).toBe(404);
    const listed = await s.viewer.client.get(`/v2/assets/${fileId}/comments`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: { text: string }) => c.text)).toEqual(['ok']);
  });

  it('answers 404 for a trashed, unknown or malformed asset, as for one the caller cannot see', async () => {
    const fileId = await newAsset('file', 'trashed.mov');
    expect((await s.owner.client.delete(`/v2/assets/${fileId}`)).status).toBeLessThan(300);
    for (const id of [fileId, '01900000-0000-7000-8000-000000000000', 'not-an-id']) {
      const res = await s.owner.client.post(`/v2/assets/${id}/comments`, { text: 'gone?' });
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
    }
  });

  it('refuses folders (409) and puts comments on a version stack on its head version', async () => {
    const folderId = await newAsset('folder', 'Selects');
    const onFolder = await s.owner.client.post(`/v2/assets/${folderId}/comments`, { text: 'hm' });
    expect(onFolder.status).toBe(409);
    expect((await s.owner.client.get(`/v2/assets/${folderId}/comments`)).status).toBe(409);

    const v1 = await newAsset('file', 'cut-v1.mov');
    const v2 = await newAsset('file', 'cut-v2.mov');
    const stacked = await s.owner.client.post(`/v2/assets/${v1}/version`, { nextAssetId: v2 });
    expect(stacked.status).toBe(201);
    const stackId = stacked.body.id as string;
    const onStack = await comment(s.owner, stackId, { text: 'on the latest cut' });
    expect(onStack.assetId).toBe(v2);
    const viaStack = await s.owner.client.get(`/v2/assets/${stackId}/comments`);
    const viaHead = await s.owner.client.get(`/v2/assets/${v2}/comments`);
    expect(viaStack.body).toEqual(viaHead.body);
    expect(viaHead.body.data.map((c: { id: string }) => c.id)).toEqual([onStack.id]);
    const viaOld = await s.owner.client.get(`/v2/assets/${v1}/comments`);
    expect(viaOld.body.data).toEqual([]);
  });

  it('hides private comments from outside collaborators; only insiders make them', async () => {
    const fileId = await newAsset('file', 'private.mov');
    const denied = await s.reviewer.client.post(`/v2/assets/${fileId}/comments`, {
      text: 'secret',
      private: true,
    });
    expect(denied.status).toBe(403);
    const secret = await comment(s.teammate, fileId, { text: 'internal note', private: true });
    await comment(s.owner, fileId, { text: 'public note' });
    const reply = await s.owner.client.post(`/v2/comments/${secret.id}/replies`, {
      text: 'agreed',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.private).toBe(true);

    const texts = async (as: SignedUpUser) =>
      (await as.client.get(`/v2/assets/${fileId}/comments?sort=time`)).body.data.map(
        (c: { text: string }) => c.text,
      );
    expect(await texts(s.owner)).toEqual(['internal note', 'public note']);
    expect(await texts(s.teammate)).toEqual(['internal note', 'public note']);
    expect(await texts(s.reviewer)).toEqual(['public note']);
    expect(await texts(s.viewer)).toEqual(['public note']);
    expect((await s.reviewer.client.get(`/v2/comments/${secret.id}`)).status).toBe(404);
    expect((await s.reviewer.client.get(`/v2/comments/${reply.body.id}`)).status).toBe(404);
    const replyToHidden = await s.reviewer.client.post(`/v2/comments/${secret.id}/replies`, {
      text: 'let me in',
    });
    expect(replyToHidden.status).toBe(404);
  });
});
