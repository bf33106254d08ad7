import {
  startTestPlatform,
  TestClient,
  TestPlatform,
  addCollaboratorWithConsent,
} from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';

/**
 * A reviewer's day, end to end over HTTP, as the issue tells it: project → folder tree → files
 * through upload → version stack → comments with replies, drawings, completion and likes → a
 * password-protected review link opened anonymously → trash and restore. The reviewer comments
 * but may not rename.
 */
describe("a reviewer's day", () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let editor: SignedUpUser;
  let reviewer: SignedUpUser;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
    editor = await signUp(anon, 'Editor');
    reviewer = await signUp(anon, 'Reviewer');
  });
  afterAll(async () => {
    await platform.close();
  });

  it('goes from an empty project to an anonymous client note and back out of the trash', async () => {
    const e = editor.client;
    const r = reviewer.client;
    // Project and folder tree.
    const project = (await e.post(`/v2/teams/${editor.teamId}/projects`, { name: 'Feature' })).body;
    const reel = (
      await e.post(`/v2/assets/${project.rootAssetId}/children`, {
        type: 'folder',
        name: 'Reel 1',
      })
    ).body;
    const scenes = (
      await e.post(`/v2/assets/${reel.id}/children`, {
        type: 'folder',
        name: 'Scenes',
      })
    ).body;

    // Two cuts of a shot, through upload.
    const upload = async (name: string) => {
      const file = await e.post(`/v2/assets/${scenes.id}/children`, {
        type: 'file',
        name,
        filetype: 'video/quicktime',
        filesize: 50_000,
      });
      expect(file.status).toBe(201);
      expect(file.body.status).toBe('uploading');
      expect(file.body.upload.completeUrl).toBe(`/v2/assets/${file.body.id}/upload-complete`);
      const done = await e.put(`/v2/assets/${file.body.id}/upload-complete`, {
        duration: 12.5,
        fps: 24,
        frames: 300,
      });
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('transcoding');
      return done.body;
    };
    const v1 = await upload('Shot 010 v1.mov');
    const v2 = await upload('Shot 010 v2.mov');

    // Version stack: v2 stacked onto v1; the stack presents v2.
    const stack = await e.post(`/v2/assets/${v1.id}/version`, { nextAssetId: v2.id });
    expect(stack.status).toBe(201);
    expect(stack.body).toMatchObject({ type: 'version_stack', versionCount: 2 });
    expect(stack.body.headVersion.id).toBe(v2.id);
    const tree = await e.get(`/v2/assets/${scenes.id}/children`);
    expect(tree.body.data.map((a: { id: string }) => a.id)).toEqual([stack.body.id]);

    // The reviewer joins; may comment, may not rename.
    expect((await addCollaboratorWithConsent(e, project.id, reviewer, 'reviewer')).status).toBe(
      201,
    );
    const rename = await r.patch(`/v2/assets/${stack.body.id}`, { name: 'Mine now' });
    expect(rename.status).toBe(403);

    // Comments on the stack land on its head version: a range note with a drawing, a reply.
    const note = await r.post(`/v2/assets/${stack.body.id}/comments`, {
      text: 'Sky goes magenta here',
      timestamp: 120,
      duration: 48,
      annotation: { tool: 'pen', strokes: [[0.1, 0.2, 0.3, 0.4]] },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ assetId: v2.id, timestamp: 120, duration: 48 });
    const reply = await e.post(`/v2/comments/${note.body.id}/replies`, { text: 'Fixed in v3' });
    expect(reply.status).toBe(201);
    expect((await e.post(`/v2/comments/${note.body.id}/like`)).status).toBe(200);
    expect((await r.post(`/v2/comments/${reply.body.id}/like`)).status).toBe(200);
    const completed = await e.post(`/v2/comments/${note.body.id}/complete`);
    expect(completed.body).toMatchObject({ completed: true, completedBy: expect.anything() });
    const thread = await r.get(`/v2/assets/${v2.id}/comments?sort=frame`);
    expect(thread.body.data).toHaveLength(1);
    expect(thread.body.data[0]).toMatchObject({ likeCount: 1, completed: true });
    expect(thread.body.data[0].annotation).toEqual({
      tool: 'pen',
      strokes: [[0.1, 0.2, 0.3, 0.4]],
    });
    expect(thread.body.data[0].replies.map((c: { text: string }) => c.text)).toEqual([
      'Fixed in v3',
    ]);

    // A password-protected review link, opened by a client without an account.
    const link = await e.post(`/v2/projects/${project.id}/review-links`, {
      name: 'For the director',
      assetIds: [stack.body.id],
      password: 'director-only-2026',
    });
    expect(link.status).toBe(201);
    const code = link.body.shortCode;
    expect((await anon.get(`/v2/review/${code}`)).status).toBe(401);
    const page = await anon.get(`/v2/review/${code}`, {
      'x-review-password': 'director-only-2026',
    });
    expect(page.status).toBe(200);
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([stack.body.id]);
    const clientNote = await anon.post(
      `/v2/review/${code}/assets/${stack.body.id}/comments`,
      { name: 'The Director', text: 'Love the grade', timestamp: 200 },
      { 'x-review-password': 'director-only-2026' },
    );
    expect(clientNote.status).toBe(201);
    const seen = await e.get(`/v2/assets/${v2.id}/comments?sort=time`);
    expect(seen.body.data.map((c: { author: { name: string } }) => c.author.name)).toContain(
      'The Director',
    );

    // Trash the reel (and everything in it), then restore exactly that.
    expect((await r.delete(`/v2/assets/${reel.id}`)).status).toBe(403);
    expect((await e.delete(`/v2/assets/${reel.id}`)).status).toBe(204);
    expect((await e.get(`/v2/assets/${stack.body.id}`)).status).toBe(404);
    const trash = await e.get(`/v2/projects/${project.id}/trash`);
    expect(trash.body.data.map((a: { id: string }) => a.id)).toEqual([reel.id]);
    const restored = await e.post(`/v2/assets/${reel.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.parentId).toBe(project.rootAssetId);
    const back = await e.get(`/v2/assets/${stack.body.id}`);
    expect(back.status).toBe(200);
    expect(back.body.headVersion.id).toBe(v2.id);
    expect((await e.get(`/v2/projects/${project.id}/trash`)).body.data).toEqual([]);
  });
});
