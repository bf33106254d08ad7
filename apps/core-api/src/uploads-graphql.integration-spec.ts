import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GraphqlModule } from '@dailies/api-graphql';
import { ApiV2Module } from '@dailies/api-v2';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { SignedUpUser, signUp } from './testing/fixtures';
import { fileBytes, newFile, putPart } from './testing/upload-kit';

const storageDir = path.join(os.tmpdir(), `dailies-uploads-gql-${process.pid}-${Date.now()}`);

/** GraphQL's Asset.media: the same short-lived URLs as GET /v2/assets/{id}/media. */
describe('playback URLs on GraphQL', () => {
  let platform: TestPlatform;
  let owner: SignedUpUser;
  let stranger: SignedUpUser;
  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module, GraphqlModule], {
      STORAGE_LOCAL_DIR: storageDir,
    });
    const anon = new TestClient(platform.baseUrl);
    owner = await signUp(anon, 'Gail Graph');
    stranger = await signUp(anon, 'Stu Stranger');
  });
  afterAll(async () => {
    await platform?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const mediaOf = (client: TestClient, id: string) =>
    client.post('/graphql', {
      query: `query($id: ID!) { asset(id: $id) { type media { assetId original { url size contentType } download { url } proxy { url } } } }`,
      variables: { id },
    });

  it('gives an uploaded file’s original, nothing for a folder, and nothing to outsiders', async () => {
    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, { name: 'G' });
    const root = project.body.rootAssetId as string;
    const bytes = fileBytes(4096);
    const assetId = await newFile(owner.client, root, 'still.png', 'image/png');
    const started = await owner.client.post(`/v2/assets/${assetId}/upload`, {
      filesize: bytes.length,
    });
    expect((await putPart(started.body.parts[0].url, bytes)).status).toBe(200);
    expect((await owner.client.put(`/v2/assets/${assetId}/upload-complete`, {})).status).toBe(200);

    const res = await mediaOf(owner.client, assetId);
    expect(res.body.errors).toBeUndefined();
    const media = res.body.data.asset.media;
    expect(media).toMatchObject({
      assetId,
      original: { size: 4096, contentType: 'image/png' },
      proxy: null,
    });
    const fetched = await fetch(media.original.url);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true);
    expect(media.download.url).not.toBe(media.original.url);

    const folder = await mediaOf(owner.client, root);
    expect(folder.body.data.asset).toEqual({ type: 'folder', media: null });
    const outsider = await mediaOf(stranger.client, assetId);
    expect(outsider.body.data).toBeNull();
    expect(outsider.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
