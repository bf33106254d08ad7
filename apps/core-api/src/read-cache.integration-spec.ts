import { joinAccountWithConsent } from '@dailies/platform/testing';
import { httpSuite, newProjectOf, addAsset } from './testing/http-suite';
import { projectWithReviewer } from './testing/cache-fixtures';
import { signUp } from './testing/fixtures';
import { countQueries } from './testing/query-counter';

/**
 * The hot read GET /v2/assets/:id answers from the cache once warm (session check, asset view,
 * project and access facts) — and a revoked session or a removed member is still refused on the
 * very next request, because the committing instance drops the entries before it answers.
 */
describe('GET /v2/assets/:id from the read cache', () => {
  const s = httpSuite('Cache owner');
  // The tables the GET path reads: any statement naming them is a round trip of the request.
  const hotTables = /\b(refresh_tokens|assets|projects|memberships|project_collaborators)\b/;
  let counter: ReturnType<typeof countQueries>;
  beforeAll(() => {
    counter = countQueries(hotTables);
  });
  afterAll(() => counter?.restore());

  async function fileOf(user = s.owner) {
    const { root } = await newProjectOf(user, 'Cached');
    return (await addAsset(user, root, { type: 'file', name: 'a.mov', filesize: 10 })).id as string;
  }

  it('reads nothing from the database on a warm GET, and counts the cold one', async () => {
    const fileId = await fileOf();
    counter.reset();
    const cold = await s.owner.client.get(`/v2/assets/${fileId}`);
    expect(cold.status).toBe(200);
    const coldStatements = counter.statements.length;
    expect(coldStatements).toBeGreaterThan(0);
    counter.reset();
    const warm = await s.owner.client.get(`/v2/assets/${fileId}`);
    expect(warm.status).toBe(200);
    expect(warm.body).toEqual(cold.body);
    expect(counter.statements).toEqual([]);
  });

  it('shows a rename on the next GET after the cache was warm', async () => {
    const fileId = await fileOf();
    expect((await s.owner.client.get(`/v2/assets/${fileId}`)).body.name).toBe('a.mov');
    const renamed = await s.owner.client.patch(`/v2/assets/${fileId}`, { name: 'b.mov' });
    expect(renamed.status).toBe(200);
    expect((await s.owner.client.get(`/v2/assets/${fileId}`)).body.name).toBe('b.mov');
  });

  it('refuses a logged-out session on the next request after a warm GET', async () => {
    const user = await signUp(s.anon, 'Leaver');
    const fileId = await fileOf(user);
    expect((await user.client.get(`/v2/assets/${fileId}`)).status).toBe(200);
    expect((await user.client.get(`/v2/assets/${fileId}`)).status).toBe(200);
    expect((await user.client.post('/v2/auth/logout')).status).toBe(204);
    const after = await user.client.get(`/v2/assets/${fileId}`);
    expect(after.status).toBe(401);
  });

  it('refuses a removed collaborator on the next request after a warm GET', async () => {
    const reviewer = await signUp(s.anon, 'Reviewer');
    const projectId = await projectWithReviewer(s.owner, reviewer);
    const project = await s.owner.client.get(`/v2/projects/${projectId}`);
    const file = await addAsset(s.owner, project.body.rootAssetId, {
      type: 'file',
      name: 'shot.mov',
      filesize: 10,
    });
    expect((await reviewer.client.get(`/v2/assets/${file.id}`)).status).toBe(200);
    expect((await reviewer.client.get(`/v2/assets/${file.id}`)).status).toBe(200);
    const removed = await s.owner.client.delete(
      `/v2/projects/${projectId}/collaborators/${reviewer.userId}`,
    );
    expect(removed.status).toBe(204);
    expect((await reviewer.client.get(`/v2/assets/${file.id}`)).status).toBe(404);
  });

  it('refuses a removed account member on the next request after a warm GET', async () => {
    const member = await signUp(s.anon, 'Member');
    // An admin manages every project of the account, through the membership alone.
    await joinAccountWithConsent(s.owner.client, s.owner.accountId, member, 'admin');
    const fileId = await fileOf();
    expect((await member.client.get(`/v2/assets/${fileId}`)).status).toBe(200);
    expect((await member.client.get(`/v2/assets/${fileId}`)).status).toBe(200);
    const removed = await s.owner.client.delete(
      `/v2/accounts/${s.owner.accountId}/members/${member.userId}`,
    );
    expect(removed.status).toBe(204);
    expect((await member.client.get(`/v2/assets/${fileId}`)).status).toBe(404);
  });

  it('hides a trashed asset on the next GET after the cache was warm', async () => {
    const { root } = await newProjectOf(s.owner, 'Trash');
    const folder = await addAsset(s.owner, root, { type: 'folder', name: 'F' });
    const file = await addAsset(s.owner, folder.id, { type: 'file', name: 'x.mov', filesize: 1 });
    expect((await s.owner.client.get(`/v2/assets/${file.id}`)).status).toBe(200);
    expect((await s.owner.client.delete(`/v2/assets/${folder.id}`)).status).toBe(204);
    expect((await s.owner.client.get(`/v2/assets/${file.id}`)).status).toBe(404);
  });
});
