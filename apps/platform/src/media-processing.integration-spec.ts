import 'reflect-metadata';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { PurgeTrashCommand } from '@dailies/core';
import { systemActor } from '@dailies/events';
import { mediaBinaries, probeMedia } from '@dailies/media';
import { makeCorruptFile, makeTestClip } from '@dailies/media/testing';
import { MediaProcessor } from '@dailies/platform';
import {
  startTestPlatform,
  TestClient,
  TestPlatform,
  signUpAndLogIn,
} from '@dailies/platform/testing';
import { ObjectStorage, storageKeys } from '@dailies/storage';
import { platformFeatures } from './platform.features';
import { settledAsset, uploadThroughApi, waitFor } from './testing/media-uploads';

/**
 * Upload completion → the process-asset-media job (the platform's job engine, real ffmpeg) →
 * facts, outputs under their keys, and status events; a corrupt file fails with a reason.
 */
describe('media processing as a job', () => {
  let platform: TestPlatform;
  let db: Client;
  let dir: string;
  let storage: ObjectStorage;
  let owner: TestClient;
  let rootId: string;
  let projectId: string;
  const binaries = mediaBinaries({
    FFMPEG_PATH: process.env.FFMPEG_PATH,
    FFPROBE_PATH: process.env.FFPROBE_PATH,
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'media-job-'));
    platform = await startTestPlatform(platformFeatures, {
      JOBS_ENABLED: 'true',
      STORAGE_LOCAL_DIR: path.join(dir, 'store'),
    });
    storage = platform.app.get(ObjectStorage);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    const anon = new TestClient(platform.baseUrl);
    const signup = await signUpAndLogIn(anon, {
      email: `media-${Date.now()}@example.com`,
      password: 'a-long-enough-password',
      name: 'Editor',
    });
    owner = anon.as(signup.body.accessToken);
    const project = await owner.post(`/v2/teams/${signup.body.teamId}/projects`, { name: 'P' });
    rootId = project.body.rootAssetId;
    projectId = project.body.id;
  });
  afterAll(async () => {
    await db?.end();
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (name: string, source: string | null, filetype?: string) =>
    uploadThroughApi(owner, rootId, name, source, filetype);
  const settled = (id: string) => settledAsset(owner, id);

  const eventsOf = async (id: string) =>
    (
      await db.query<{ name: string; payload: Record<string, unknown> }>(
        `SELECT name, payload FROM events WHERE subject_id = $1 ORDER BY position`,
        [id],
      )
    ).rows;

  it('processes a 29.97 fps upload: facts from the file, outputs stored under their keys, events', async () => {
    const clip = await makeTestClip(binaries, path.join(dir, 'ntsc.mp4'), {
      seconds: 2,
      rate: '30000/1001',
      width: 320,
      height: 180,
      audioChannels: 2,
    });
    const id = await upload('ntsc.mp4', clip);
    const asset = await settled(id);
    expect(asset).toMatchObject({ status: 'ready', frames: 60 });
    expect(asset.fps).toBeCloseTo(29.97, 2);
    expect(asset.duration).toBeGreaterThan(1.99);

    const media = (await db.query(`SELECT * FROM asset_media WHERE asset_id = $1`, [id])).rows[0];
    expect(media).toMatchObject({
      version: 1,
      frame_rate_num: 30000,
      frame_rate_den: 1001,
      frame_count: 60,
      width: 320,
      height: 180,
      video_codec: 'h264',
      audio_codec: 'aac',
      audio_channels: 2,
      failure_reason: null,
      attempts: 1,
    });
    const keys = (media.outputs as { key: string; name: string }[]).map((o) => o.key).sort();
    expect(keys).toContain(`assets/${id}/v1/proxy.mp4`);
    expect(keys).toContain(`assets/${id}/v1/poster.jpg`);
    expect(keys).toContain(`assets/${id}/v1/sprite.json`);
    expect(keys).toContain(`assets/${id}/v1/waveform.json`);
    expect(keys).toContain(`assets/${id}/v1/hls.m3u8`);
    expect(keys).toContain(`assets/${id}/v1/hls-init.mp4`);
    for (const output of media.outputs as { key: string; size: number }[]) {
      expect((await storage.head(output.key))?.size).toBe(output.size);
    }

    // Playback: short-lived signed URLs to what processing stored; the proxy plays (h264 + aac).
    const urls = await owner.get(`/v2/assets/${id}/media`);
    expect(urls.status).toBe(200);
    expect(urls.body.facts).toMatchObject({
      status: 'ready',
      failureReason: null,
      frameRate: '30000/1001',
      fps: 29.97,
      frameCount: 60,
      width: 320,
      height: 180,
      videoCodec: 'h264',
      audioCodec: 'aac',
      audioChannels: 2,
    });
    expect(urls.body.facts.durationSeconds).toBeCloseTo(asset.duration, 3);
    expect(urls.body.thumbnails.length).toBeGreaterThan(0);
    expect(urls.body.sprite.contentType).toBe('image/jpeg');
    expect(urls.body.waveform).not.toBeNull();
    const poster = await fetch(urls.body.thumbnail.url);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    const played = path.join(dir, 'played-proxy.mp4');
    await writeFile(played, Buffer.from(await (await fetch(urls.body.proxy.url)).arrayBuffer()));
    expect((await stat(played)).size).toBe(urls.body.proxy.size);
    const proxy = await probeMedia(binaries, played);
    expect(proxy).toMatchObject({ video: { codec: 'h264' }, audio: { codec: 'aac' } });
    expect(Math.abs(proxy.durationSeconds - asset.duration)).toBeLessThan(1 / 29.97 + 0.001);
    // HLS: a signed playlist served here, its segments presigned on the store. Played as an MSE
    // player does — the init segment, then each media segment appended — it is the proxy's
    // H.264 + AAC, of the file's duration. An altered signature is refused.
    expect(urls.body.hls.url).toContain(`/media/hls/${id}.m3u8?`);
    const playlist = await fetch(urls.body.hls.url);
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const lines = (await playlist.text()).split('\n');
    const init = /URI="([^"]+)"/.exec(lines.find((l) => l.startsWith('#EXT-X-MAP:')) ?? '')?.[1];
    const segments = lines.filter((l) => l.startsWith('http'));
    expect(segments.length).toBeGreaterThan(0);
    const appended = await Promise.all(
      [init ?? '', ...segments].map(async (url) => {
        const response = await fetch(url);
        expect(response.status).toBe(200);
        return Buffer.from(await response.arrayBuffer());
      }),
    );
    const joined = path.join(dir, 'played-hls.mp4');
    await writeFile(joined, Buffer.concat(appended));
    const hls = await probeMedia(binaries, joined);
    expect(hls).toMatchObject({ video: { codec: 'h264' }, audio: { codec: 'aac' } });
    expect(Math.abs(hls.durationSeconds - asset.duration)).toBeLessThan(0.1);
    const forged = await fetch(urls.body.hls.url.replace(/signature=[^&]+/, 'signature=forged'));
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    const other = await fetch(urls.body.hls.url.replace(id, rootId));
    expect(other.status).toBe(403);

    // A review link without downloads plays the proxy but gives no original.
    const link = await owner.post(`/v2/projects/${projectId}/review-links`, {
      name: 'Client review',
      assetIds: [id],
      allowDownload: false,
    });
    expect(link.status).toBe(201);
    const reviewed = await new TestClient(platform.baseUrl).get(
      `/v2/review/${link.body.shortCode}/assets/${id}/media`,
    );
    expect(reviewed.body).toMatchObject({ original: null, download: null });
    expect((await fetch(reviewed.body.proxy.url)).status).toBe(200);
    expect((await fetch(reviewed.body.hls.url)).status).toBe(200);

    const names = (await eventsOf(id)).map((e) => e.name);
    expect(names).toEqual([
      'asset.created',
      'asset.upload_started',
      'asset.upload_completed',
      'asset.processing_started',
      'asset.processed',
    ]);
    const processed = (await eventsOf(id)).find((e) => e.name === 'asset.processed');
    expect(processed?.payload).toMatchObject({
      frameRate: '30000/1001',
      frameCount: 60,
      version: 1,
    });

    // A duplicate or late try changes nothing and records nothing.
    const again = await platform.app
      .get(MediaProcessor)
      .process(
        { assetId: id, version: 1 },
        { signal: new AbortController().signal, lastTry: true },
      );
    expect(again).toBe('skipped');
    expect((await eventsOf(id)).length).toBe(names.length);
  });

  it('validates comment timestamps against the real frames and answers seconds and timecode', async () => {
    // 2 s at 29.97: 60 frames, 0…59, whatever the uploader claimed (10 frames at 30 fps).
    const clip = await makeTestClip(binaries, path.join(dir, 'review.mp4'), {
      seconds: 2,
      rate: '30000/1001',
      width: 320,
      height: 180,
    });
    const id = await upload('review.mp4', clip);
    expect(await settled(id)).toMatchObject({ status: 'ready', frames: 60 });

    const last = await owner.post(`/v2/assets/${id}/comments`, {
      text: 'Last frame',
      timestamp: 59,
    });
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({
      timestamp: 59,
      time: {
        frameRate: '30000/1001',
        start: { frame: 59, seconds: 1.968633, smpte: '00:00:01;29' },
        end: null,
      },
    });
    const ranged = await owner.post(`/v2/assets/${id}/comments`, {
      text: 'This second',
      timestamp: 30,
      duration: 30,
    });
    expect(ranged.status).toBe(201);
    expect(ranged.body.time.end).toEqual({ frame: 60, seconds: 2.002, smpte: '00:00:02;00' });

    const past = await owner.post(`/v2/assets/${id}/comments`, { text: 'Too far', timestamp: 60 });
    expect(past.status).toBe(400);
    expect(past.headers.get('content-type')).toContain('application/problem+json');
    expect(past.body).toMatchObject({ code: 'timestamp_out_of_range' });
    expect(past.body.errors[0]).toMatchObject({ field: 'timestamp' });
    expect(past.body.errors[0].message).toContain('0 to 59');
    expect(past.body.errors[0].message).toContain('00:00:01;29');

    const overrun = await owner.post(`/v2/assets/${id}/comments`, {
      text: 'Runs past the end',
      timestamp: 50,
      duration: 11,
    });
    expect(overrun.status).toBe(400);
    expect(overrun.body).toMatchObject({
      code: 'timestamp_out_of_range',
      errors: [{ field: 'duration' }],
    });
    const moved = await owner.patch(`/v2/comments/${last.body.id}`, { timestamp: 600 });
    expect(moved.status).toBe(400);
    expect(moved.body.code).toBe('timestamp_out_of_range');
    const reply = await owner.post(`/v2/comments/${last.body.id}/replies`, {
      text: 'And here',
      timestamp: 75,
    });
    expect(reply.status).toBe(400);

    // The list (REST) and GraphQL answer the same three units.
    const threads = await owner.get(`/v2/assets/${id}/comments?sort=frame`);
    expect(
      threads.body.data.map((c: { time: { start: { smpte: string } } }) => c.time.start.smpte),
    ).toEqual(['00:00:01;00', '00:00:01;29']);
    // A copy is the same file: its facts and frame-accurate comments come along.
    const copy = await owner.post(`/v2/assets/${id}/copy`, {
      parentId: rootId,
      withComments: true,
    });
    expect(copy.status).toBe(201);
    const copyId = copy.body.id as string;
    const copied = await owner.get(`/v2/assets/${copyId}/comments?sort=frame`);
    expect(
      copied.body.data.map((c: { time: { start: { smpte: string } } }) => c.time.start.smpte),
    ).toEqual(['00:00:01;00', '00:00:01;29']);
    const beyond = await owner.post(`/v2/assets/${copyId}/comments`, { text: 'x', timestamp: 60 });
    expect(beyond.body.code).toBe('timestamp_out_of_range');

    const gql = await owner.post('/graphql', {
      query: `query($id: ID!) { asset(id: $id) {
        media { facts { status frameRate fps frameCount width height videoCodec } }
        comments(first: 10) { edges { node {
        timestamp time { frameRate start { frame seconds smpte } end { smpte } } } } } } }`,
      variables: { id },
    });
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.asset.media.facts).toEqual({
      status: 'ready',
      frameRate: '30000/1001',
      fps: 29.97,
      frameCount: 60,
      width: 320,
      height: 180,
      videoCodec: 'h264',
    });
    const nodes = gql.body.data.asset.comments.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toContainEqual({
      timestamp: 59,
      time: {
        frameRate: '30000/1001',
        start: { frame: 59, seconds: 1.968633, smpte: '00:00:01;29' },
        end: null,
      },
    });
  });

  it('purging the trash deletes the stored outputs once no copy shares them', async () => {
    const clip = await makeTestClip(binaries, path.join(dir, 'purged.mp4'), {
      seconds: 1,
      rate: '25',
      width: 160,
      height: 90,
    });
    const id = await upload('purged.mp4', clip);
    expect(await settled(id)).toMatchObject({ status: 'ready' });
    const keysOf = async (assetId: string) =>
      (
        (await db.query(`SELECT outputs FROM asset_media WHERE asset_id = $1`, [assetId])).rows[0]
          .outputs as { key: string }[]
      ).map((o) => o.key);
    const outputs = await keysOf(id);
    expect(outputs.length).toBeGreaterThan(3);
    const copy = await owner.post(`/v2/assets/${id}/copy`, { parentId: rootId });
    expect(copy.status).toBe(201);
    // The copy points at the same objects: it plays the same proxy.
    expect(await keysOf(copy.body.id)).toEqual(outputs);
    const purge = async (assetId: string) => {
      expect((await owner.delete(`/v2/assets/${assetId}`)).status).toBe(204);
      await db.query(
        `UPDATE assets SET deleted_at = now() - interval '31 days' WHERE trash_root_id = $1`,
        [assetId],
      );
      await platform.app.get(CommandBus).execute(new PurgeTrashCommand(systemActor('test'), {}));
    };
    const held = async () =>
      (await Promise.all(outputs.map((key) => storage.head(key)))).filter((h) => h !== null).length;

    await purge(id);
    expect(await held()).toBe(outputs.length);
    expect((await owner.get(`/v2/assets/${copy.body.id}/media`)).body.proxy).not.toBeNull();
    await purge(copy.body.id);
    expect(await held()).toBe(0);
    expect(await storage.head(storageKeys.original(id))).toBeNull();
  });

  it('fails a corrupt upload with the reason ffprobe gave, once', async () => {
    const bad = await makeCorruptFile(path.join(dir, 'bad.mov'));
    const id = await upload('bad.mov', bad, 'video/quicktime');
    const asset = await settled(id);
    expect(asset.status).toBe('failed');
    const media = (await db.query(`SELECT * FROM asset_media WHERE asset_id = $1`, [id])).rows[0];
    expect(media.failure_reason).toMatch(/Invalid data found/);
    expect(media.outputs).toEqual([]);
    const shown = await owner.get(`/v2/assets/${id}/media`);
    expect(shown.body.facts).toMatchObject({ status: 'failed', width: null, frameRate: null });
    expect(shown.body.facts.failureReason).toMatch(/Invalid data found/);
    const failed = (await eventsOf(id)).filter((e) => e.name === 'asset.processing_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].payload).toMatchObject({ version: 1, attempts: 1 });
    expect(String(failed[0].payload.reason)).toMatch(/Invalid data found/);
  });

  it('retries while the original has not arrived, then processes it; outputs are not duplicated', async () => {
    const id = await upload('late.m4a', null, 'audio/mp4');
    const processor = platform.app.get(MediaProcessor);
    const tryOnce = (lastTry = false) =>
      processor.process(
        { assetId: id, version: 1 },
        { signal: new AbortController().signal, lastTry },
      );
    // The engine's first try (and ours) find no original: thrown for a retry, status unchanged.
    await expect(tryOnce()).rejects.toMatchObject({ kind: 'original_missing' });
    expect((await owner.get(`/v2/assets/${id}`)).body.status).toBe('transcoding');
    // Let the engine's own first try happen too (its retry then waits 30 s of backoff).
    await waitFor(async () => {
      const { rows } = await db.query(`SELECT attempts FROM asset_media WHERE asset_id = $1`, [id]);
      return rows[0].attempts >= 2 ? true : null;
    });
    expect((await owner.get(`/v2/assets/${id}`)).body.status).toBe('transcoding');

    const tone = await makeTestClip(binaries, path.join(dir, 'late.m4a'), {
      seconds: 1,
      audioChannels: 1,
    });
    // The bytes arrive in storage late (here put there directly, as a slow replica would).
    await storage.putObject(storageKeys.original(id), await readFile(tone), 'audio/mp4');
    expect(await tryOnce()).toBe('ready');
    const media = (await db.query(`SELECT * FROM asset_media WHERE asset_id = $1`, [id])).rows[0];
    expect((media.outputs as { name: string }[]).map((o) => o.name).sort()).toEqual([
      'proxy.mp4',
      'waveform.json',
    ]);
    expect(media.attempts).toBe(3);
    const stored = path.join(dir, 'late-waveform.json');
    await storage.getObjectToFile(`assets/${id}/v1/waveform.json`, stored);
    const waveform = JSON.parse(await readFile(stored, 'utf8')) as { length: number };
    expect(waveform.length).toBeGreaterThan(0);
    const events = (await eventsOf(id)).map((e) => e.name);
    expect(events.filter((n) => n === 'asset.processed')).toHaveLength(1);
  });
});
