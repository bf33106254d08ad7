import crypto from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import {
  ObjectStorage,
  PresignGetOptions,
  SignedUrl,
  StorageRefusal,
  StoredObject,
  StoredPart,
} from '../object-storage';
import { isSafeKey } from '../storage-keys';
import { UrlSigner } from '../url-signer';

/** Where the platform serves the local store's signed URLs. */
export const LOCAL_STORAGE_PREFIX = '/storage';
/** S3's own part limit; a part PUT beyond it is refused (413). */
export const MAX_PART_BYTES = 5 * 1024 ** 3;

const UPLOAD_ID = /^[a-f0-9]{48}$/;

interface UploadMeta {
  key: string;
  contentType: string | null;
}

/**
 * Object storage in a folder on disk, for `npm start` and tests: the same multipart protocol as
 * S3 (parts PUT to presigned URLs, listed, joined on completion), with URLs signed by UrlSigner
 * and served by the platform (local-storage.routes.ts). Every write lands in a temporary file
 * first and is renamed into place, so a dropped connection never leaves a half part behind.
 */
export class LocalStorage extends ObjectStorage {
  private baseUrl: string;

  constructor(
    readonly root: string,
    readonly signer: UrlSigner,
    baseUrl = 'http://localhost:3000',
  ) {
    super();
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /**
   * The origin clients reach this process at. Known only once the server listens when the port
   * is chosen by the system (PORT=0), so the platform sets it then.
   */
  useBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async createMultipart(key: string, contentType: string | null): Promise<string> {
    assertKey(key);
    const uploadId = crypto.randomBytes(24).toString('hex');
    await mkdir(this.uploadDir(uploadId), { recursive: true });
    const meta: UploadMeta = { key, contentType };
    await writeFile(path.join(this.uploadDir(uploadId), 'upload.json'), JSON.stringify(meta));
    return uploadId;
  }

  async presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    expiresInSeconds: number,
  ): Promise<SignedUrl> {
    await this.uploadMeta(key, uploadId);
    return this.signed('PUT', partPath(uploadId, partNumber), expiresInSeconds);
  }

  async listParts(key: string, uploadId: string): Promise<StoredPart[]> {
    await this.uploadMeta(key, uploadId);
    const names = await readdir(this.uploadDir(uploadId));
    const parts = await Promise.all(
      names
        .filter((n) => /^\d{5}\.part$/.test(n))
        .map(async (name): Promise<StoredPart | null> => {
          const file = path.join(this.uploadDir(uploadId), name);
          try {
            const [info, etag] = await Promise.all([stat(file), readFile(`${file}.etag`, 'utf8')]);
            return { partNumber: Number(name.slice(0, 5)), size: info.size, etag };
          } catch (error) {
            // A part whose checksum is not written yet is still arriving.
            if (isMissing(error)) return null;
            throw error;
          }
        }),
    );
    return parts
      .filter((p): p is StoredPart => p !== null)
      .sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly StoredPart[],
  ): Promise<StoredObject> {
    const meta = await this.uploadMeta(key, uploadId);
    const held = new Map((await this.listParts(key, uploadId)).map((p) => [p.partNumber, p]));
    for (const part of parts) {
      const stored = held.get(part.partNumber);
      if (!stored || stored.etag !== part.etag) {
        throw new StorageRefusal(`Part ${part.partNumber} is not stored as given`, 'invalid_part');
      }
    }
    const target = this.objectFile(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    try {
      const out = createWriteStream(temp);
      for (const part of [...parts].sort((a, b) => a.partNumber - b.partNumber)) {
        const file = path.join(this.uploadDir(uploadId), partFile(part.partNumber));
        await pipeline(createReadStream(file), out, { end: false });
      }
      out.end();
      await finished(out);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await this.writeContentType(key, meta.contentType);
    await rm(this.uploadDir(uploadId), { recursive: true, force: true });
    const stored = await this.head(key);
    if (!stored) throw new Error(`Object ${key} vanished after completion`);
    return stored;
  }

  async abortMultipart(_key: string, uploadId: string): Promise<void> {
    if (!UPLOAD_ID.test(uploadId)) return;
    await rm(this.uploadDir(uploadId), { recursive: true, force: true });
  }

  async head(key: string): Promise<StoredObject | null> {
    assertKey(key);
    try {
      const info = await stat(this.objectFile(key));
      return { size: info.size, contentType: await this.contentTypeOf(key) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async presignGet(key: string, options: PresignGetOptions): Promise<SignedUrl> {
    assertKey(key);
    const params = options.downloadName ? { download: options.downloadName } : undefined;
    return this.signed(
      'GET',
      `${LOCAL_STORAGE_PREFIX}/objects/${key}`,
      options.expiresInSeconds,
      params,
    );
  }

  async putObject(
    key: string,
    body: Readable | Buffer,
    contentType: string | null,
  ): Promise<StoredObject> {
    assertKey(key);
    const target = this.objectFile(key);
    await mkdir(path.dirname(target), { recursive: true });
    await writeAtomically(target, Buffer.isBuffer(body) ? Readable.from([body]) : body);
    await this.writeContentType(key, contentType);
    return { size: (await stat(target)).size, contentType };
  }

  async getObject(key: string): Promise<Readable> {
    const file = this.objectFile(key);
    if (!(await this.head(key))) throw new StorageRefusal(`No object ${key}`, 'no_such_key');
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await rm(this.objectFile(key), { force: true });
    await rm(this.metaFile(key), { force: true });
  }

  /**
   * Stores one part from a request body (the route behind a presigned PUT). The part counts only
   * once every byte arrived: a body cut short leaves nothing. `maxBytes` bounds a part.
   */
  async writePart(
    uploadId: string,
    partNumber: number,
    body: Readable,
    maxBytes = MAX_PART_BYTES,
  ): Promise<StoredPart> {
    // A client that drops before the body is read must not crash the process: pipeline below
    // still sees the destroyed stream and fails the write.
    body.once('error', () => undefined);
    const dir = this.uploadDir(uploadId);
    await readFile(path.join(dir, 'upload.json'), 'utf8').catch((error: unknown) => {
      if (isMissing(error)) throw new StorageRefusal('No such upload', 'no_such_upload');
      throw error;
    });
    const md5 = crypto.createHash('md5');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new PartTooLarge(maxBytes));
        md5.update(chunk);
        done(null, chunk);
      },
    });
    const file = path.join(dir, partFile(partNumber));
    // A part written again (a retry) replaces the old one: its checksum goes first.
    await rm(`${file}.etag`, { force: true });
    await writeAtomically(file, body, counter);
    const etag = md5.digest('hex');
    await writeFile(`${file}.etag`, etag);
    return { partNumber, size, etag };
  }

  /** The file holding the object under `key` (the GET route serves it). */
  objectFile(key: string): string {
    assertKey(key);
    return path.join(this.root, 'objects', key);
  }

  private signed(
    method: 'GET' | 'PUT',
    urlPath: string,
    expiresInSeconds: number,
    params?: Record<string, string>,
  ): SignedUrl {
    const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;
    const signature = this.signer.sign({ method, path: urlPath, expires, params });
    const query = new URLSearchParams({ ...params, expires: String(expires), signature });
    return { url: `${this.baseUrl}${urlPath}?${query}`, expiresAt: new Date(expires * 1000) };
  }

  private uploadDir(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) throw new StorageRefusal('No such upload', 'no_such_upload');
    return path.join(this.root, 'uploads', uploadId);
  }

  private async uploadMeta(key: string, uploadId: string): Promise<UploadMeta> {
    try {
      const meta = JSON.parse(
        await readFile(path.join(this.uploadDir(uploadId), 'upload.json'), 'utf8'),
      ) as UploadMeta;
      if (meta.key !== key) throw new StorageRefusal('No such upload', 'no_such_upload');
      return meta;
    } catch (error) {
      if (isMissing(error)) throw new StorageRefusal('No such upload', 'no_such_upload');
      throw error;
    }
  }

  private metaFile(key: string): string {
    return path.join(this.root, 'meta', `${key}.json`);
  }

  private async writeContentType(key: string, contentType: string | null): Promise<void> {
    const file = this.metaFile(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ contentType }));
  }

  private async contentTypeOf(key: string): Promise<string | null> {
    try {
      const meta = JSON.parse(await readFile(this.metaFile(key), 'utf8')) as UploadMeta;
      return meta.contentType ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}

export class PartTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`A part holds at most ${maxBytes} bytes`);
  }
}

/** The URL path of one part's PUT. */
export const partPath = (uploadId: string, partNumber: number) =>
  `${LOCAL_STORAGE_PREFIX}/uploads/${uploadId}/parts/${partNumber}`;

const partFile = (partNumber: number) => `${String(partNumber).padStart(5, '0')}.part`;

function assertKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
}

async function writeAtomically(target: string, body: Readable, through?: Transform): Promise<void> {
  const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  try {
    if (through) await pipeline(body, through, createWriteStream(temp));
    else await pipeline(body, createWriteStream(temp));
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
