import 'reflect-metadata';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Client } from 'pg';
import { mediaBinaries, probeMedia } from '@dailies/media';
import { makeCorruptFile, makeTestClip } from '@dailies/media/testing';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { ObjectStorage, storageKeys } from '@dailies/storage';
import { platformFeatures } from './platform.features';
import { settledAsset, uploadThroughApi, waitFor } from './testing/media-uploads';

// Runs only when STORAGE_S3_TEST_ENDPOINT names an S3-compatible server (jest.config.cjs);
// `tools/scripts/s3-gateway.sh start` runs one (Ceph's radosgw) and .ci/run uses it.
const endpoint = process.env.STORAGE_S3_TEST_ENDPOINT ?? '';
const bucket = `${process.env.STORAGE_S3_TEST_BUCKET ?? 'dailies-test'}-media`;
const region = process.env.AWS_REGION ?? 'us-east-1';

/**
 * The whole media path on S3-compatible storage: clips made by ffmpeg at odd frame rates are
 * uploaded in parts straight to the bucket, processed by the job (which reads the original from S3
 * and writes its outputs back), played from presigned S3 URLs, and counted in usage.
 */
describe('media uploads and processing on S3-compatible storage', () => {
  let platform: TestPlatform;
  let db: Client;
  let dir: string;
  let storage: ObjectStorage;
  let owner: TestClient;
  let accountId: string;
  let rootId: string;
  const binaries = mediaBinaries({
    FFMPEG_PATH: process.env.FFMPEG_PATH,
    FFPROBE_PATH: process.env.FFPROBE_PATH,
  });

  beforeAll(async () => {
    const s3 = new S3Client({ endpoint, region, forcePathStyle: true });
    try {
      await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch {
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    }
    s3.destroy();
    dir = await mkdtemp(path.join(tmpdir(), 'media-s3-'));
    platform = await startTestPlatform(platformFeatures, {
      JOBS_ENABLED: 'true',
      STORAGE_S3_BUCKET: bucket,
      STORAGE_S3_ENDPOINT: endpoint,
      STORAGE_S3_REGION: region,
    });
    storage = platform.app.get(ObjectStorage);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    const anon = new TestClient(platform.baseUrl);
    const signup = await signUpAndLogIn(anon, {
      email: `media-s3-${Date.now()}@example.com`,
      password: 'a-long-enough-password',
      name: 'Editor',
    });
    owner = anon.as(signup.body.accessToken);
    accountId = signup.body.accountId;
    const project = await owner.post(`/v2/teams/${signup.body.teamId}/projects`, { name: 'S3' });
    rootId = project.body.rootAssetId;
  });
  afterAll(async () => {
    await db?.end();
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('processes a 23.976 fps clip uploaded to S3: facts, outputs in the bucket, a playable proxy, usage', async () => {
    const clip = await makeTestClip(binaries, path.join(dir, 'film.mp4'), {
      seconds: 2,
      rate: '24000/1001',
      width: 320,
      height: 180,
      audioChannels: 2,
    });
    const id = await uploadThroughApi(owner, rootId, 'film.mp4', clip);
    const asset = await settledAsset(owner, id);
    expect(asset).toMatchObject({ status: 'ready', frames: 48 });
    expect(asset.fps).toBeCloseTo(23.976, 3);

    const media = (await db.query(`SELECT * FROM asset_media WHERE asset_id = $1`, [id])).rows[0];
    expect(media).toMatchObject({
      frame_rate_num: 24000,
      frame_rate_den: 1001,
      frame_count: 48,
      width: 320,
      height: 180,
      video_codec: 'h264',
      audio_codec: 'aac',
      audio_channels: 2,
      failure_reason: null,
    });
    // Every output is an object in the bucket, under its key.
    const outputs = media.outputs as { key: string; size: number }[];
    expect(outputs.map((o) => o.key)).toContain(`assets/${id}/v1/proxy.mp4`);
    for (const output of outputs) expect((await storage.head(output.key))?.size).toBe(output.size);

    // Playback: presigned URLs on the S3 server itself; the proxy plays (H.264 + AAC).
    const urls = await owner.get(`/v2/assets/${id}/media`);
    expect(urls.status).toBe(200);
    expect(new URL(urls.body.proxy.url).origin).toBe(new URL(endpoint).origin);
    expect(urls.body.facts).toMatchObject({
      status: 'ready',
      frameRate: '24000/1001',
      fps: 23.976,
      frameCount: 48,
      width: 320,
      height: 180,
    });
    expect(urls.body.thumbnails.length).toBeGreaterThan(0);
    const poster = await fetch(urls.body.thumbnail.url);
    expect(poster.status).toBe(200);
    expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 2)).toEqual(
      Buffer.from([0xff, 0xd8]),
    );
    const played = path.join(dir, 'played.mp4');
    await writeFile(played, Buffer.from(await (await fetch(urls.body.proxy.url)).arrayBuffer()));
    expect((await stat(played)).size).toBe(urls.body.proxy.size);
    const proxy = await probeMedia(binaries, played);
    expect(proxy).toMatchObject({ video: { codec: 'h264' }, audio: { codec: 'aac' } });
    expect(Math.abs(proxy.durationSeconds - asset.duration)).toBeLessThan(1 / 23.976 + 0.001);

    // HLS: the playlist from the platform, its segments presigned on the S3 server.
    const playlist = await (await fetch(urls.body.hls.url)).text();
    const segment = playlist.split('\n').find((l) => l.startsWith('http'));
    expect(new URL(segment ?? '').origin).toBe(new URL(endpoint).origin);
    expect((await fetch(segment ?? '')).status).toBe(200);

    // Usage counts what the bucket holds for the original.
    const original = await storage.head(storageKeys.original(id));
    expect(original?.size).toBe((await stat(clip)).size);
    await waitFor(async () => {
      const usage = await owner.get(`/v2/accounts/${accountId}/usage`);
      return usage.body.storageBytes === original?.size ? true : null;
    });
  });

  it('fails a corrupt upload on S3 with the reason ffprobe gave', async () => {
    const bad = await makeCorruptFile(path.join(dir, 'bad.mov'));
    const id = await uploadThroughApi(owner, rootId, 'bad.mov', bad, 'video/quicktime');
    expect(await settledAsset(owner, id)).toMatchObject({ status: 'failed' });
    const media = (await db.query(`SELECT * FROM asset_media WHERE asset_id = $1`, [id])).rows[0];
    expect(media.failure_reason).toMatch(/Invalid data found/);
    expect(media.outputs).toEqual([]);
  });
});
