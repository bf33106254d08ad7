import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A part of a multipart upload as storage holds it (not as a client claims it). */
export interface StoredPart {
  partNumber: number;
  size: number;
  etag: string;
}

/** What storage holds under a key. */
export interface StoredObject {
  size: number;
  contentType: string | null;
}

/** A presigned URL and when it stops working. */
export interface SignedUrl {
  url: string;
  expiresAt: Date;
}

export interface PresignGetOptions {
  expiresInSeconds: number;
  /** Offered as the download's file name (Content-Disposition: attachment); unset: inline. */
  downloadName?: string;
}

/** Why storage refused: the caller's fault (a 4xx), not storage being down. */
export class StorageRefusal extends Error {
  constructor(
    message: string,
    readonly code: 'no_such_upload' | 'invalid_part' | 'no_such_key',
  ) {
    super(message);
  }
}

/**
 * Object storage behind one interface: S3-compatible (S3Storage) or a folder on disk whose signed
 * URLs the platform serves itself (LocalStorage). Clients send and fetch bytes straight through
 * presigned URLs; the domain only ever asks storage what it really holds.
 */
export abstract class ObjectStorage {
  /** Starts a multipart upload under `key`; the answer is storage's upload id. */
  abstract createMultipart(key: string, contentType: string | null): Promise<string>;
  /** A URL the client PUTs one part's bytes to (part numbers 1–10000). */
  abstract presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    expiresInSeconds: number,
  ): Promise<SignedUrl>;
  /** The parts storage holds for an open upload, by part number. */
  abstract listParts(key: string, uploadId: string): Promise<StoredPart[]>;
  /** Joins the parts (in order) into the object under `key`; answers what is now stored. */
  abstract completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly StoredPart[],
  ): Promise<StoredObject>;
  /** Drops an open upload and its parts (done when already gone). */
  abstract abortMultipart(key: string, uploadId: string): Promise<void>;
  /** What storage holds under `key`, or null. */
  abstract head(key: string): Promise<StoredObject | null>;
  /** A short-lived URL to GET the object (Range requests work). */
  abstract presignGet(key: string, options: PresignGetOptions): Promise<SignedUrl>;
  /** Stores an object (processing outputs: proxies, thumbnails). */
  abstract putObject(
    key: string,
    body: Readable | Buffer,
    contentType: string | null,
  ): Promise<StoredObject>;
  /** The object's bytes as a stream (StorageRefusal `no_such_key` when absent). */
  abstract getObject(key: string): Promise<Readable>;
  /** Removes the object (done when already gone). */
  abstract delete(key: string): Promise<void>;

  /** Copies the object into a local file (what ffprobe/ffmpeg read). */
  async getObjectToFile(key: string, file: string): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    await pipeline(await this.getObject(key), createWriteStream(file));
  }
}
