import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';

/**
 * The account's storage limit, checked by the commands that add bytes: completing an upload and
 * copying. Usage here is set directly (the usage consumer keeps it current in a full platform).
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
  const setUsage = (bytes: number) =>
    db.query(
      `INSERT INTO account_usage (account_id, storage_bytes) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET storage_bytes = EXCLUDED.storage_bytes`,
      [owner.accountId, bytes],
    );

  it('refuses an upload that would pass the limit with a 409 naming the storage limit', async () => {
    await setUsage(900);
    const file = await newFile(200);
    const res = await owner.client.put(`/v2/assets/${file}/upload-complete`, {});
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/storage-limit/);
    expect(res.body.detail).toMatch(/100 of its 1000 bytes left/);
    // Nothing was half-written: the file is still uploading and can complete once there is room.
    expect((await owner.client.get(`/v2/assets/${file}`)).body.status).toBe('uploading');
    await setUsage(0);
    expect((await owner.client.put(`/v2/assets/${file}/upload-complete`, {})).status).toBe(200);
  });

  it('accepts an upload that fits exactly', async () => {
    await setUsage(800);
    const file = await newFile(200);
    expect((await owner.client.put(`/v2/assets/${file}/upload-complete`, {})).status).toBe(200);
  });

  it('refuses a copy whose bytes do not fit', async () => {
    await setUsage(0);
    const file = await newFile(600);
    expect((await owner.client.put(`/v2/assets/${file}/upload-complete`, {})).status).toBe(200);
    await setUsage(600);
    const copy = await owner.client.post(`/v2/assets/${file}/copy`, { parentId: root });
    expect(copy.status).toBe(409);
    expect(copy.body.type).toMatch(/storage-limit/);
    const children = await owner.client.get(`/v2/assets/${root}/children`);
    expect(
      children.body.data.filter((a: { name: string }) => a.name === 'clip-600.mov'),
    ).toHaveLength(1);
  });
});
