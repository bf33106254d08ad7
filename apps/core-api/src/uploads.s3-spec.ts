import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { ApiV2Module } from '@dailies/api-v2';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { SignedUpUser, signUp } from './testing/fixtures';
import { fileBytes, MiB, newFile, putPart, sliceOf } from './testing/upload-kit';

// Runs only when STORAGE_S3_TEST_ENDPOINT names an S3-compatible server (jest.config.cjs), with
// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY set: `eval "$(npm run -s s3:start)"` runs Ceph's S3
// gateway on loopback and prints them; .ci/run does that. The bucket (STORAGE_S3_TEST_BUCKET,
// default dailies-test) is created when missing.
const endpoint = process.env.STORAGE_S3_TEST_ENDPOINT ?? '';
const bucket = process.env.STORAGE_S3_TEST_BUCKET ?? 'dailies-test';
const region = process.env.AWS_REGION ?? 'us-east-1';

/** The same multipart flow as with the local store, through the API, against real S3. */
describe('multipart uploads through the API to S3-compatible storage', () => {
  let platform: TestPlatform;
  let owner: SignedUpUser;
  let root: string;
  beforeAll(async () => {
    const s3 = new S3Client({ endpoint, region, forcePathStyle: true });
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    }
    s3.destroy();
    platform = await startTestPlatform([ApiV2Module], {
      STORAGE_S3_BUCKET: bucket,
      STORAGE_S3_ENDPOINT: endpoint,
      STORAGE_S3_REGION: region,
    });
    owner = await signUp(new TestClient(platform.baseUrl), 'Sasha S3');
    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, { name: 'S3' });
    root = project.body.rootAssetId;
  });
  afterAll(() => platform?.close());

  it('uploads parts in parallel, refuses a completion with a part missing, then plays the file', async () => {
    const bytes = fileBytes(11 * MiB);
    const assetId = await newFile(owner.client, root, 'on-s3.mp4');
    const started = await owner.client.post(`/v2/assets/${assetId}/upload`, {
      filesize: bytes.length,
      partSize: 5 * MiB,
    });
    expect(started.status).toBe(201);
    const urls = started.body.parts as { partNumber: number; url: string }[];
    expect(urls).toHaveLength(3);
    expect(new URL(urls[0].url).origin).toBe(new URL(endpoint).origin);

    const sent = await Promise.all(
      [urls[0], urls[2]].map((p) => putPart(p.url, sliceOf(bytes, 5 * MiB, p.partNumber))),
    );
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    const early = await owner.client.put(`/v2/assets/${assetId}/upload-complete`, {});
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/missing part\(s\) 2/);

    const resumed = await owner.client.get(`/v2/assets/${assetId}/upload`);
    expect(resumed.body.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([2]);
    expect((await putPart(resumed.body.parts[0].url, sliceOf(bytes, 5 * MiB, 2))).status).toBe(200);
    const done = await owner.client.put(`/v2/assets/${assetId}/upload-complete`, {});
    expect(done.status).toBe(200);
    expect(done.body.filesize).toBe(bytes.length);

    const media = await owner.client.get(`/v2/assets/${assetId}/media`);
    const ranged = await fetch(media.body.original.url, { headers: { range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);
  });

  it('aborts an upload in storage when it is cancelled', async () => {
    const assetId = await newFile(owner.client, root, 'cancelled.mp4');
    const started = await owner.client.post(`/v2/assets/${assetId}/upload`, { filesize: 100 });
    expect((await owner.client.delete(`/v2/assets/${assetId}/upload`)).status).toBe(204);
    const late = await putPart(started.body.parts[0].url, fileBytes(100));
    expect(late.status).toBe(404);
  });
});
