import { readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { PurgeTrashCommand } from '@dailies/core';
import { systemActor } from '@dailies/events';
import { Jobs } from '@dailies/jobs';
import { ObjectStorage, storageKeys } from '@dailies/storage';
import { signUp } from './testing/fixtures';
import { httpSuite, newProjectOf } from './testing/http-suite';
import {
  fileBytes,
  MiB,
  newFile,
  putPart,
  putPartAndDrop,
  sliceOf,
  waitFor,
} from './testing/upload-kit';

const storageDir = path.join(os.tmpdir(), `dailies-uploads-spec-${process.pid}-${Date.now()}`);

/**
 * Files go to object storage (the local store on disk, its signed URLs served by the platform)
 * in presigned parts, straight from the client; completion is checked against what storage
 * holds; playback and download go through short-lived signed URLs.
 */
describe('multipart uploads to storage and signed media URLs', () => {
  const s = httpSuite('Uma Uploader', { STORAGE_LOCAL_DIR: storageDir, JOBS_ENABLED: 'true' });
  let root: string;
  let projectId: string;
  afterAll(() => rm(storageDir, { recursive: true, force: true }));
  beforeAll(async () => {
    ({ projectId, root } = await newProjectOf(s.owner, 'Feature film'));
  });

  const start = (assetId: string, body: Record<string, unknown>) =>
    s.owner.client.post(`/v2/assets/${assetId}/upload`, body);
  const complete = (assetId: string, body: Record<string, unknown> = {}) =>
    s.owner.client.put(`/v2/assets/${assetId}/upload-complete`, body);

  it('uploads parts in parallel, resumes a part whose connection dropped, and completes against what storage holds', async () => {
    const bytes = fileBytes(12 * MiB);
    const assetId = await newFile(s.owner.client, root, 'reel.mp4');
    const started = await start(assetId, { filesize: bytes.length, partSize: 5 * MiB });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ partCount: 3, partSize: 5 * MiB, remainingParts: 3 });
    const urls = started.body.parts as { partNumber: number; url: string; size: number }[];
    expect(urls.map((p) => [p.partNumber, p.size])).toEqual([
      [1, 5 * MiB],
      [2, 5 * MiB],
      [3, 2 * MiB],
    ]);

    // Parts 1 and 3 in parallel; part 2's connection drops halfway through its body.
    const [one, , three] = await Promise.all([
      putPart(urls[0].url, sliceOf(bytes, 5 * MiB, 1)),
      putPartAndDrop(urls[1].url, sliceOf(bytes, 5 * MiB, 2)),
      putPart(urls[2].url, sliceOf(bytes, 5 * MiB, 3)),
    ]);
    expect([one.status, three?.status]).toEqual([200, 200]);
    expect(one.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);

    // Resuming: storage says what it holds; the dropped part is still to send.
    const resumed = await s.owner.client.get(`/v2/assets/${assetId}/upload`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.uploadedParts.map((p: { partNumber: number }) => p.partNumber)).toEqual([
      1, 3,
    ]);
    expect(resumed.body.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([2]);

    // A completion claiming bytes storage does not hold is refused, naming the missing part.
    const early = await complete(assetId);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('upload_incomplete');
    expect(early.body.detail).toMatch(/missing part\(s\) 2/);
    expect((await s.owner.client.get(`/v2/assets/${assetId}`)).body.status).toBe('uploading');

    expect((await putPart(resumed.body.parts[0].url, sliceOf(bytes, 5 * MiB, 2))).status).toBe(200);
    const lying = await complete(assetId, { filesize: bytes.length + 1 });
    expect(lying.status).toBe(409);
    expect(lying.body.code).toBe('upload_size_mismatch');

    const done = await complete(assetId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ filesize: bytes.length, status: 'transcoding' });
    // The stored object is the file, byte for byte.
    const stored = await readFile(path.join(storageDir, 'objects', storageKeys.original(assetId)));
    expect(stored.equals(bytes)).toBe(true);
    expect((await complete(assetId)).status).toBe(409);

    // Playback: a signed URL with Range support, and a download named after the asset.
    const media = await s.owner.client.get(`/v2/assets/${assetId}/media`);
    expect(media.status).toBe(200);
    expect(media.body).toMatchObject({ assetId, proxy: null, thumbnail: null });
    expect(media.body.original).toMatchObject({ size: bytes.length, contentType: 'video/mp4' });
    const ranged = await fetch(media.body.original.url, { headers: { range: 'bytes=100-199' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const whole = await fetch(media.body.download.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-disposition')).toMatch(/^attachment; filename="reel.mp4"/);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    // Usage counts the bytes storage holds.
    await waitFor(async () => {
      const usage = await s.owner.client.get(`/v2/accounts/${s.owner.accountId}/usage`);
      return usage.body.storageBytes === bytes.length;
    });
    const onDisk = await stat(path.join(storageDir, 'objects', storageKeys.original(assetId)));
    expect(onDisk.size).toBe(bytes.length);
    const { rows } = await s.db.query(
      `SELECT payload FROM events WHERE name = 'asset.upload_completed' AND subject_id = $1`,
      [assetId],
    );
    expect(rows[0].payload).toMatchObject({
      filesize: bytes.length,
      storageKey: storageKeys.original(assetId),
    });
  });

  it('refuses a completion when a part holds the wrong number of bytes', async () => {
    const bytes = fileBytes(6 * MiB, 3);
    const assetId = await newFile(s.owner.client, root, 'short.mov');
    const started = await start(assetId, { filesize: bytes.length, partSize: 5 * MiB });
    const [first, second] = started.body.parts;
    expect((await putPart(first.url, bytes.subarray(0, 4 * MiB))).status).toBe(200);
    expect((await putPart(second.url, sliceOf(bytes, 5 * MiB, 2))).status).toBe(200);
    const refused = await complete(assetId);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`part 1 holds ${4 * MiB} bytes, not ${5 * MiB}`);
    // Sending the part again fixes it.
    expect((await putPart(first.url, sliceOf(bytes, 5 * MiB, 1))).status).toBe(200);
    const done = await complete(assetId);
    expect(done.status).toBe(200);
    expect(done.body.filesize).toBe(bytes.length);
  });

  it('refuses bad input with 4xx problems: part sizes, a second upload, other accounts', async () => {
    const assetId = await newFile(s.owner.client, root, 'rules.mp4');
    const tiny = await start(assetId, { filesize: 20 * MiB, partSize: 1024 });
    expect(tiny.status).toBe(400);
    expect(tiny.body.errors).toEqual([
      { field: 'partSize', message: expect.stringMatching(/at least 5242880 bytes/) },
    ]);
    expect((await start(assetId, { filesize: 0 })).status).toBe(400);
    expect((await start(assetId, { filesize: 1000 })).status).toBe(201);
    const again = await start(assetId, { filesize: 1000 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('upload_in_progress');

    const stranger = await signUp(s.anon, 'Sam Stranger');
    expect((await stranger.client.get(`/v2/assets/${assetId}/upload`)).status).toBe(404);
    expect(
      (await stranger.client.post(`/v2/assets/${assetId}/upload`, { filesize: 1 })).status,
    ).toBe(404);
    expect((await stranger.client.get(`/v2/assets/${assetId}/media`)).status).toBe(404);

    // Cancelled: storage drops the parts, the old URLs stop working, a new upload can start.
    const before = (await s.owner.client.get(`/v2/assets/${assetId}/upload`)).body;
    expect((await s.owner.client.delete(`/v2/assets/${assetId}/upload`)).status).toBe(204);
    expect((await s.owner.client.get(`/v2/assets/${assetId}/upload`)).body.code).toBe('no_upload');
    const late = await putPart(before.parts[0].url, Buffer.alloc(1000));
    expect(late.status).toBe(404);
    expect(late.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await start(assetId, { filesize: 1000 })).status).toBe(201);
  });

  it('lets one of two concurrent starts win, leaving one upload in storage', async () => {
    const assetId = await newFile(s.owner.client, root, 'raced.mp4');
    const before = await readdir(path.join(storageDir, 'uploads'));
    const answers = await Promise.all([1, 2].map(() => start(assetId, { filesize: 2048 })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await readdir(path.join(storageDir, 'uploads'))).length).toBe(before.length + 1);
  });

  it('signed URLs stop working when they expire or are altered', async () => {
    const bytes = fileBytes(1000, 5);
    const assetId = await newFile(s.owner.client, root, 'signed.png', 'image/png');
    const started = await start(assetId, { filesize: bytes.length });
    expect((await putPart(started.body.parts[0].url, bytes)).status).toBe(200);
    expect((await complete(assetId)).status).toBe(200);
    const { original } = (await s.owner.client.get(`/v2/assets/${assetId}/media`)).body;
    expect((await fetch(original.url)).status).toBe(200);

    const url = new URL(original.url);
    const altered = async (change: (u: URL) => void) => {
      const copy = new URL(url);
      change(copy);
      const res = await fetch(copy);
      return { status: res.status, body: (await res.json()) as { detail: string } };
    };
    const tampered = await altered((u) =>
      u.searchParams.set('signature', `${u.searchParams.get('signature')!.slice(0, -2)}AA`),
    );
    expect(tampered.status).toBe(403);
    expect(tampered.body.detail).toMatch(/not signed for this request/);
    const later = await altered((u) =>
      u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600)),
    );
    expect(later.status).toBe(403);
    const otherObject = await altered((u) => {
      u.pathname = u.pathname.replace(assetId, '00000000-0000-4000-8000-000000000000');
    });
    expect(otherObject.status).toBe(403);
    const unsigned = await altered((u) => {
      u.search = '';
    });
    expect(unsigned.status).toBe(403);

    // Validly signed, but its lifetime is over.
    const storage = s.platform.app.get(ObjectStorage);
    const short = await storage.presignGet(storageKeys.original(assetId), { expiresInSeconds: 1 });
    await new Promise((r) => setTimeout(r, 2100));
    const expired = await fetch(short.url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { detail: string }).detail).toMatch(/expired/);
  });

  it('review links play the proxy but give the original only when downloads are allowed', async () => {
    const bytes = fileBytes(2000, 9);
    const assetId = await newFile(s.owner.client, root, 'cut.mp4');
    const started = await start(assetId, { filesize: bytes.length });
    expect((await putPart(started.body.parts[0].url, bytes)).status).toBe(200);
    expect((await complete(assetId)).status).toBe(200);

    const link = async (allowDownload: boolean) => {
      const res = await s.owner.client.post(`/v2/projects/${projectId}/review-links`, {
        name: `Review ${allowDownload}`,
        assetIds: [assetId],
        allowDownload,
      });
      expect(res.status).toBe(201);
      return res.body.shortCode as string;
    };
    const closed = await s.anon.get(`/v2/review/${await link(false)}/assets/${assetId}/media`);
    expect(closed.status).toBe(200);
    // These bytes are no video: processing stores no proxy (media-processing spec plays one).
    expect(closed.body).toMatchObject({ original: null, download: null, proxy: null });

    const open = await s.anon.get(`/v2/review/${await link(true)}/assets/${assetId}/media`);
    expect(open.body.original.size).toBe(bytes.length);
    const download = await fetch(open.body.download.url);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    const other = await newFile(s.owner.client, root, 'not-shared.mp4');
    const code = await link(false);
    expect((await s.anon.get(`/v2/review/${code}/assets/${other}/media`)).status).toBe(404);
  });

  it('an abandoned upload is aborted by the sweep job and its parts dropped from storage', async () => {
    const assetId = await newFile(s.owner.client, root, 'abandoned.mp4');
    const started = await start(assetId, { filesize: 6 * MiB, partSize: 5 * MiB });
    expect((await putPart(started.body.parts[0].url, fileBytes(5 * MiB))).status).toBe(200);
    const uploadDirs = () => readdir(path.join(storageDir, 'uploads'));
    const dirsBefore = await uploadDirs();
    // A day and an hour ago.
    await s.db.query(
      `UPDATE upload_sessions SET created_at = now() - interval '25 hours' WHERE id = $1`,
      [started.body.uploadId],
    );
    await s.platform.app.get(Jobs).enqueue('abort-stale-uploads', {});
    await waitFor(async () => {
      const { rows } = await s.db.query('SELECT status FROM upload_sessions WHERE id = $1', [
        started.body.uploadId,
      ]);
      return rows[0].status === 'aborted';
    }, 30_000);
    const { rows } = await s.db.query(
      `SELECT payload FROM events WHERE name = 'asset.upload_aborted' AND subject_id = $1`,
      [assetId],
    );
    expect(rows.map((r) => r.payload.reason)).toEqual(['abandoned']);
    expect((await uploadDirs()).length).toBe(dirsBefore.length - 1);
    expect((await putPart(started.body.parts[1].url, fileBytes(MiB))).status).toBe(404);
    expect((await s.owner.client.get(`/v2/assets/${assetId}`)).body.status).toBe('uploading');
  });

  it('purging the trash deletes an original from storage once no copy points at it', async () => {
    const bytes = fileBytes(3000, 11);
    const assetId = await newFile(s.owner.client, root, 'kept-by-copy.mp4');
    const started = await start(assetId, { filesize: bytes.length });
    expect((await putPart(started.body.parts[0].url, bytes)).status).toBe(200);
    expect((await complete(assetId)).status).toBe(200);
    const storage = s.platform.app.get(ObjectStorage);
    const copy = await s.owner.client.post(`/v2/assets/${assetId}/copy`, { parentId: root });
    expect(copy.status).toBe(201);
    const purge = async (id: string) => {
      expect((await s.owner.client.delete(`/v2/assets/${id}`)).status).toBe(204);
      await s.db.query(
        `UPDATE assets SET deleted_at = now() - interval '31 days' WHERE trash_root_id = $1`,
        [id],
      );
      const result = await s.platform.app
        .get(CommandBus)
        .execute(new PurgeTrashCommand(systemActor('test'), {}));
      expect(result.purged).toBeGreaterThanOrEqual(1);
    };

    await purge(assetId);
    // The copy still plays the shared original.
    expect(await storage.head(storageKeys.original(assetId))).toEqual({
      size: bytes.length,
      contentType: 'video/mp4',
    });
    const media = await s.owner.client.get(`/v2/assets/${copy.body.id}/media`);
    expect(media.body.original.size).toBe(bytes.length);

    await purge(copy.body.id);
    expect(await storage.head(storageKeys.original(assetId))).toBeNull();
  });
});
