import {
  startTestPlatform,
  TestClient,
  TestPlatform,
  addCollaboratorWithConsent,
} from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';

/** Polls until `check` holds; answers how long it took, or fails after `withinMs`. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`not seen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/**
 * The event system as users see it, through the API of a running platform: a comment by A is
 * in the audit log, notifies collaborator B but not A, and cached reads are refreshed — each
 * within a second.
 */
describe('a change flows to every consumer', () => {
  let platform: TestPlatform;
  let a: SignedUpUser;
  let b: SignedUpUser;
  let projectId: string;
  let fileId: string;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    const anon = new TestClient(platform.baseUrl);
    a = await signUp(anon, 'Ana');
    b = await signUp(anon, 'Ben');
    const project = await a.client.post(`/v2/teams/${a.teamId}/projects`, { name: 'Pilot' });
    projectId = project.body.id;
    const added = await addCollaboratorWithConsent(a.client, projectId, b, 'reviewer');
    expect(added.status).toBe(201);
    const file = await a.client.post(`/v2/assets/${project.body.rootAssetId}/children`, {
      type: 'file',
      name: 'Shot 012.mov',
      filetype: 'video/quicktime',
      filesize: 4096,
    });
    fileId = file.body.id;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('audits the comment, notifies B but not A, within a second', async () => {
    const comment = await a.client.post(`/v2/assets/${fileId}/comments`, {
      text: 'Hold on this frame',
      timestamp: 120,
    });
    expect(comment.status).toBe(201);
    const commentId = comment.body.id;

    await within(1000, async () => {
      const log = await a.client.get(
        `/v2/accounts/${a.accountId}/audit-log?action=comment.created`,
      );
      return log.body.data.some(
        (e: { subject: { id: string }; actor: { id: string } }) =>
          e.subject.id === commentId && e.actor.id === a.userId,
      );
    });
    await within(1000, async () => {
      const inbox = await b.client.get('/v2/me/notifications');
      return inbox.body.data.some((n: { commentId: string }) => n.commentId === commentId);
    });
    const bInbox = await b.client.get('/v2/me/notifications');
    expect(bInbox.body.unreadCount).toBeGreaterThanOrEqual(1);
    const aInbox = await a.client.get('/v2/me/notifications');
    expect(
      aInbox.body.data.filter((n: { commentId: string }) => n.commentId === commentId),
    ).toEqual([]);
  });

  it('refreshes cached reads at once: a rename is seen, a removed collaborator is shut out', async () => {
    // B's reads fill the cache (project row and B's access facts).
    expect((await b.client.get(`/v2/projects/${projectId}`)).body.name).toBe('Pilot');
    expect((await b.client.get(`/v2/assets/${fileId}`)).status).toBe(200);

    expect((await a.client.patch(`/v2/projects/${projectId}`, { name: 'Pilot v2' })).status).toBe(
      200,
    );
    expect((await b.client.get(`/v2/projects/${projectId}`)).body.name).toBe('Pilot v2');

    const removed = await a.client.delete(`/v2/projects/${projectId}/collaborators/${b.userId}`);
    expect(removed.status).toBe(204);
    // The very next requests: never served from a cached permission.
    expect((await b.client.get(`/v2/projects/${projectId}`)).status).toBe(404);
    expect((await b.client.get(`/v2/assets/${fileId}`)).status).toBe(404);
    expect(
      (await b.client.post(`/v2/assets/${fileId}/comments`, { text: 'still here?' })).status,
    ).toBe(404);
  });
});
