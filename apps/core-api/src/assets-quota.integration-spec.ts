import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';

/**
 * The account's storage limit, checked by the commands that add bytes — completing an upload
 * and copying — against the usage the usage consumer keeps current.
 */
describe('storage limit on upload-complete and copy', () => {
  let platform: TestPlatform;
  let db: Client;
  let owner: SignedUpUser;
  let root: string;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    owner = await signUp(new TestClient(platform.baseUrl), 'Quota');
    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Limited',
    });
    root = project.body.rootAssetId;
    await db.query('UPDATE accounts SET storage_limit_bytes = 1000 WHERE id = $1', [
      owner.accountId,
    ]);
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  const newFile = async (filesize: number) => {
    const res = await owner.client.post(`/v2/assets/${root}/children`, {
      type: 'file',
      name: `clip-${filesize}.mov`,
      filetype: 'video/quicktime',
      filesize,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const complete = (fileId: string) => owner.client.put(`/v2/assets/${fileId}/upload-complete`, {});
  /** Waits until the usage consumer has counted `bytes`. */
  const usageReaches = async (bytes: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const usage = await owner.client.get(`/v2/accounts/${owner.accountId}/usage`);
      if (usage.body.storageBytes === bytes) return;
      if (Date.now() > deadline) throw new Error(`usage stuck at ${usage.body.storageBytes}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('refuses an upload that would pass the limit with a 409 naming the storage limit, then accepts one that fits exactly', async () => {
    expect((await complete(await newFile(900))).status).toBe(200);
    await usageReaches(900);

    const tooBig = await newFile(200);
    const refused = await complete(tooBig);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/storage-limit/);
    expect(refused.body.detail).toMatch(/100 of its 1000 bytes left/);
    // Nothing was half-written: the file is still uploading.
    expect((await owner.client.get(`/v2/assets/${tooBig}`)).body.status).toBe('uploading');

    expect((await complete(await newFile(100))).status).toBe(200);
    await usageReaches(1000);
  });

  it('refuses a copy whose bytes do not fit, leaving no partial copy', async () => {
    const named = async () =>
      (await owner.client.get(`/v2/assets/${root}/children?limit=100`)).body.data.filter(
        (a: { name: string }) => a.name === 'clip-100.mov',
      );
    const [source] = await named();
    const copy = await owner.client.post(`/v2/assets/${source.id}/copy`, { parentId: root });
    expect(copy.status).toBe(409);
    expect(copy.body.type).toMatch(/storage-limit/);
    expect(await named()).toHaveLength(1);
  });
});
