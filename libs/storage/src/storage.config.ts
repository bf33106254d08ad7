import path from 'node:path';
import { z } from 'zod';

/** What libs/storage reads (DATA_DIR is libs/db's; the platform composes both). */
export const storageConfigSchema = z.object({
  /** Set: S3-compatible storage in this bucket. Unset: files on disk (STORAGE_LOCAL_DIR). */
  STORAGE_S3_BUCKET: z.string().min(3).optional(),
  /** An S3-compatible endpoint (MinIO, R2, …); unset: AWS. */
  STORAGE_S3_ENDPOINT: z.string().url().optional(),
  STORAGE_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Both or neither; neither: the AWS SDK's default credential chain. */
  STORAGE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  STORAGE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** The local store's folder; default DATA_DIR/storage. */
  STORAGE_LOCAL_DIR: z.string().min(1).optional(),
  /** Key of the local store's signed URLs (≥ 32 chars); the platform may pass its JWT secret. */
  STORAGE_SIGNING_SECRET: z.string().min(32).optional(),
  /** Lifetime of presigned part, playback and download URLs. */
  STORAGE_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 3600)
    .default(900),
});
export type StorageOwnConfig = z.infer<typeof storageConfigSchema>;

export type StorageConfig =
  | {
      kind: 's3';
      bucket: string;
      endpoint?: string;
      region: string;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      urlTtlSeconds: number;
    }
  | { kind: 'local'; dir: string; signingSecret: string | null; urlTtlSeconds: number };

export class StorageConfigError extends Error {}

/** The storage settings from validated variables (`DATA_DIR` places the default local folder). */
export function resolveStorageConfig(env: StorageOwnConfig & { DATA_DIR?: string }): StorageConfig {
  const keyId = env.STORAGE_S3_ACCESS_KEY_ID;
  const secret = env.STORAGE_S3_SECRET_ACCESS_KEY;
  if (Boolean(keyId) !== Boolean(secret)) {
    throw new StorageConfigError(
      'STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY: set both or neither',
    );
  }
  if (env.STORAGE_S3_BUCKET) {
    return {
      kind: 's3',
      bucket: env.STORAGE_S3_BUCKET,
      endpoint: env.STORAGE_S3_ENDPOINT,
      region: env.STORAGE_S3_REGION,
      credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
      urlTtlSeconds: env.STORAGE_URL_TTL_SECONDS,
    };
  }
  return {
    kind: 'local',
    dir: path.resolve(env.STORAGE_LOCAL_DIR ?? path.join(env.DATA_DIR ?? './.data', 'storage')),
    signingSecret: env.STORAGE_SIGNING_SECRET ?? null,
    urlTtlSeconds: env.STORAGE_URL_TTL_SECONDS,
  };
}
