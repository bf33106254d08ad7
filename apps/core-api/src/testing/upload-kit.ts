import http from 'node:http';
import { TestClient } from '@dailies/platform/testing';

export const MiB = 1024 ** 2;

/** Deterministic bytes (no two parts alike, so a part sent in the wrong place would show). */
export function fileBytes(size: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >>> 16;
  }
  return bytes;
}

export interface PartUrl {
  partNumber: number;
  url: string;
  size: number;
}

/** PUTs one part's bytes to its presigned URL (raw bytes, no JSON). */
export async function putPart(url: string, bytes: Buffer): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
}

/**
 * A part upload whose connection drops halfway: the client sends the headers (announcing every
 * byte) and half the body, then the socket is destroyed. Resolves once the connection is gone.
 */
export function putPartAndDrop(url: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': bytes.length },
    });
    request.on('error', () => resolve());
    request.on('close', () => resolve());
    request.write(bytes.subarray(0, bytes.length >> 1), () => {
      setTimeout(() => request.destroy(), 50);
    });
  });
}

/** Creates a file asset in `parentId`, answering its id. */
export async function newFile(
  client: TestClient,
  parentId: string,
  name: string,
  filetype = 'video/mp4',
): Promise<string> {
  const res = await client.post(`/v2/assets/${parentId}/children`, {
    type: 'file',
    name,
    filetype,
  });
  if (res.status !== 201) throw new Error(`file not created: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** The slice of `bytes` that part `partNumber` carries. */
export const sliceOf = (bytes: Buffer, partSize: number, partNumber: number) =>
  bytes.subarray((partNumber - 1) * partSize, Math.min(bytes.length, partNumber * partSize));

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
