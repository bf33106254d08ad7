import {
  startTestPlatform,
  TestClient,
  TestPlatform,
  addCollaboratorWithConsent,
} from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';

/** Search within a project: asset names and comment texts, never outside it. */
describe('project search over HTTP', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let owner: SignedUpUser;
  let projectId: string;
  let root: string;
  const ids: Record<string, string> = {};

  const add = async (parentId: string, body: Record<string, unknown>) => {
    const res = await owner.client.post(`/v2/assets/${parentId}/children`, body);
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const comment = async (assetId: string, text: string, isPrivate = false) => {
    const res = await owner.client.post(`/v2/assets/${assetId}/comments`, {
      text,
      private: isPrivate,
    });
    if (res.status !== 201) throw new Error(`comment: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
    owner = await signUp(anon, 'Searcher');
    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Sunset search',
    });
    projectId = project.body.id;
    root = project.body.rootAssetId;
    const folder = await add(root, { type: 'folder', name: 'Sunset selects' });
    ids.folder = folder.id;
    ids.shot = (await add(folder.id, { type: 'file', name: 'beach_SUNSET_v1.mov' })).id;
    ids.percent = (await add(root, { type: 'file', name: '100% final.mov' })).id;
    ids.underscore = (await add(root, { type: 'file', name: 'take_2.mov' })).id;
    ids.plain = (await add(root, { type: 'file', name: 'take 2b.mov' })).id;
    ids.publicComment = (await comment(ids.plain, 'The sunset flares too much')).id;
    ids.privateComment = (await comment(ids.plain, 'Internal: sunset budget', true)).id;
    const trashed = await add(root, { type: 'file', name: 'old sunset.mov' });
    await comment(trashed.id, 'sunset comment on a trashed file');
    await owner.client.delete(`/v2/assets/${trashed.id}`);

    const other = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Other',
    });
    await add(other.body.rootAssetId, { type: 'file', name: 'sunset elsewhere.mov' });
  });
  afterAll(async () => {
    await platform.close();
  });

  const search = (q: string, user = owner, extra = '') =>
    user.client.get(`/v2/projects/${projectId}/search?q=${encodeURIComponent(q)}${extra}`);
  const hits = async (q: string, user = owner) => {
    const res = await search(q, user);
    expect(res.status).toBe(200);
    return res.body.data.map(
      (h: { kind: string; asset: { id: string }; comment?: { id: string } }) =>
        h.kind === 'asset' ? `asset:${h.asset.id}` : `comment:${h.comment?.id}`,
    );
  };

  it('finds asset names and comment texts, case-insensitively, assets first', async () => {
    expect(await hits('sunset')).toEqual([
      `asset:${ids.shot}`,
      `asset:${ids.folder}`,
      `comment:${ids.privateComment}`,
      `comment:${ids.publicComment}`,
    ]);
    const res = await search('FLARES');
    expect(res.body.data).toEqual([
      {
        kind: 'comment',
        asset: expect.objectContaining({ id: ids.plain, name: 'take 2b.mov' }),
        comment: expect.objectContaining({
          id: ids.publicComment,
          text: 'The sunset flares too much',
          private: false,
          authorId: owner.userId,
        }),
      },
    ]);
    expect(res.body.data[0].asset).not.toHaveProperty('properties');
  });

  it('takes % and _ literally', async () => {
    expect(await hits('100%')).toEqual([`asset:${ids.percent}`]);
    expect(await hits('take_')).toEqual([`asset:${ids.underscore}`]);
    expect(await hits('%')).toEqual([`asset:${ids.percent}`]);
  });

  it('never finds trashed assets, their comments, the root folder or another project', async () => {
    const found = await hits('sunset');
    expect(found.join(' ')).not.toMatch(/trashed|elsewhere/);
    expect(found).toHaveLength(4);
    expect(await hits('Sunset search')).toEqual([]);
    expect(await hits('elsewhere')).toEqual([]);
  });

  it('shows private comments to members of the account only', async () => {
    const outsider = await signUp(anon, 'OutsideReviewer');
    const added = await addCollaboratorWithConsent(owner.client, projectId, outsider, 'reviewer');
    expect(added.status).toBe(201);
    expect(await hits('sunset', outsider)).toEqual([
      `asset:${ids.shot}`,
      `asset:${ids.folder}`,
      `comment:${ids.publicComment}`,
    ]);
    expect(await hits('budget', outsider)).toEqual([]);
  });

  it('paginates with a cursor', async () => {
    const first = await search('sunset', owner, '&limit=3');
    expect(first.body.data).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search('sunset', owner, `&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((h: { comment: { id: string } }) => h.comment.id)).toEqual([
      ids.publicComment,
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('needs a query of 1–200 characters, and hides projects the caller cannot see', async () => {
    const none = await owner.client.get(`/v2/projects/${projectId}/search`);
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('q');
    expect((await search('   ')).status).toBe(400);
    expect((await search('x'.repeat(201))).status).toBe(400);
    const stranger = await signUp(anon, 'SearchStranger');
    expect((await search('sunset', stranger)).status).toBe(404);
  });
});
