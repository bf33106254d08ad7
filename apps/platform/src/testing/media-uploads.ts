import { readFile } from 'node:fs/promises';
import { TestClient } from '@dailies/platform/testing';

/** Polls `check` until it answers non-null (or fails after `timeoutMs`). */
export async function waitFor<T>(check: () => Promise<T | null>, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Creates a file under `parentId` and sends `source` as a client does: a multipart upload through
 * the API, each part PUT straight to its presigned URL (local store or S3), then completion, which
 * the API checks against what storage holds. `null`: completes without sending bytes (a legacy
 * client). The uploader claims 30 fps and 10 frames; processing must replace both with the file's.
 */
export async function uploadThroughApi(
  owner: TestClient,
  parentId: string,
  name: string,
  source: string | null,
  filetype = 'video/mp4',
): Promise<string> {
  const bytes = source ? await readFile(source) : null;
  const file = await owner.post(`/v2/assets/${parentId}/children`, {
    type: 'file',
    name,
    filetype,
    filesize: bytes?.length ?? 1000,
  });
  expect(file.status).toBe(201);
  if (bytes) {
    const started = await owner.post(`/v2/assets/${file.body.id}/upload`, {
      filesize: bytes.length,
    });
    expect(started.status).toBe(201);
    const partSize = started.body.partSize as number;
    for (const part of started.body.parts as { partNumber: number; url: string }[]) {
      const offset = (part.partNumber - 1) * partSize;
      const body = bytes.subarray(offset, offset + partSize);
      expect((await fetch(part.url, { method: 'PUT', body })).status).toBe(200);
    }
  }
  const done = await owner.put(`/v2/assets/${file.body.id}/upload-complete`, {
    fps: 30,
    frames: 10,
  });
  expect(done.body.status).toBe('transcoding');
  return file.body.id as string;
}

/** The asset as `/v2` shows it once processing has settled (ready or failed). */
export const settledAsset = (owner: TestClient, id: string) =>
  waitFor(async () => {
    const asset = await owner.get(`/v2/assets/${id}`);
    return asset.body.status === 'transcoding' ? null : asset.body;
  });
