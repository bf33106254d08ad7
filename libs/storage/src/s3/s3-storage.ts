import type { OnApplicationShutdown } from '@nestjs/common';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  ListPartsCommandOutput,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ObjectStorage,
  PresignGetOptions,
  SignedUrl,
  StorageRefusal,
  StoredObject,
  StoredPart,
} from '../object-storage';

export interface S3StorageOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, R2, …); unset: AWS itself. */
  endpoint?: string;
  region: string;
  /** Credentials; unset: the SDK's default chain (AWS_ACCESS_KEY_ID, instance roles, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * S3-compatible object storage through AWS SDK v3. Path-style addressing, so endpoints without
 * per-bucket host names (MinIO, test servers) work as well as AWS.
 */
export class S3Storage extends ObjectStorage implements OnApplicationShutdown {
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    super();
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: true,
      credentials: options.credentials,
    });
  }

  /** Closes the client's keep-alive sockets, which would otherwise hold a stopping process open. */
  onApplicationShutdown(): void {
    this.client.destroy();
  }

  async createMultipart(key: string, contentType: string | null): Promise<string> {
    const out = await this.client.send(
      new CreateMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: contentType ?? undefined,
      }),
    );
    if (!out.UploadId) throw new Error('S3 started a multipart upload without an UploadId');
    return out.UploadId;
  }

  async presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    expiresInSeconds: number,
  ): Promise<SignedUrl> {
    const command = new UploadPartCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: expiresInSeconds });
    return { url, expiresAt: expiry(expiresInSeconds) };
  }

  async listParts(key: string, uploadId: string): Promise<StoredPart[]> {
    const parts: StoredPart[] = [];
    let marker: string | undefined;
    for (;;) {
      const page: ListPartsCommandOutput = await this.refusing(() =>
        this.client.send(
          new ListPartsCommand({
            Bucket: this.bucket,
            Key: key,
            UploadId: uploadId,
            PartNumberMarker: marker,
          }),
        ),
      );
      for (const part of page.Parts ?? []) {
        parts.push({
          partNumber: part.PartNumber ?? 0,
          size: part.Size ?? 0,
          etag: unquote(part.ETag ?? ''),
        });
      }
      if (!page.IsTruncated || !page.NextPartNumberMarker) break;
      marker = page.NextPartNumberMarker;
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeMultipart(
    key: string,
    uploadId: string,
    parts: readonly StoredPart[],
  ): Promise<StoredObject> {
    await this.refusing(() =>
      this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: {
            Parts: [...parts]
              .sort((a, b) => a.partNumber - b.partNumber)
              .map((p) => ({ PartNumber: p.partNumber, ETag: `"${p.etag}"` })),
          },
        }),
      ),
    );
    const stored = await this.head(key);
    if (!stored) throw new Error(`Object ${key} is missing after completion`);
    return stored;
  }

  async abortMultipart(key: string, uploadId: string): Promise<void> {
    try {
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }),
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? null };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async presignGet(key: string, options: PresignGetOptions): Promise<SignedUrl> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: options.downloadName
        ? contentDisposition(options.downloadName)
        : undefined,
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
    return { url, expiresAt: expiry(options.expiresInSeconds) };
  }

  async putObject(
    key: string,
    body: Readable | Buffer,
    contentType: string | null,
  ): Promise<StoredObject> {
    // lib-storage's Upload streams a body of unknown length in parts (PutObject needs a length).
    await new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: contentType ?? undefined },
    }).done();
    const stored = await this.head(key);
    if (!stored) throw new Error(`Object ${key} is missing after upload`);
    return stored;
  }

  async getObject(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new StorageRefusal(`No object ${key}`, 'no_such_key');
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** S3's refusals of the caller's input (an unknown upload, a part not as given) as such. */
  private async refusing<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof S3ServiceException) {
        if (error.name === 'NoSuchUpload')
          throw new StorageRefusal(error.message, 'no_such_upload');
        if (
          error.name === 'InvalidPart' ||
          error.name === 'InvalidPartOrder' ||
          error.name === 'EntityTooSmall'
        ) {
          throw new StorageRefusal(error.message, 'invalid_part');
        }
      }
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NotFound' ||
      error.name === 'NoSuchKey' ||
      error.name === 'NoSuchUpload' ||
      error.$metadata?.httpStatusCode === 404)
  );
}

const expiry = (seconds: number) => new Date(Date.now() + seconds * 1000);
const unquote = (etag: string) => etag.replace(/"/g, '');

/** RFC 6266 attachment with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
