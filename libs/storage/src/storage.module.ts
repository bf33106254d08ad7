import { DynamicModule, Module } from '@nestjs/common';
import { LocalStorage } from './local/local-storage';
import { ObjectStorage } from './object-storage';
import { S3Storage } from './s3/s3-storage';
import { StorageConfig } from './storage.config';
import { UrlSigner } from './url-signer';

/** How long the URLs handed to clients live (the domain reads it). */
export abstract class StorageSettings {
  abstract readonly urlTtlSeconds: number;
}

export interface StorageModuleOptions {
  config: StorageConfig;
  /** The local store's signing key when STORAGE_SIGNING_SECRET is unset (the JWT secret). */
  fallbackSigningSecret?: string;
  /** Where clients reach this process (the local store's URLs); default localhost:3000. */
  publicUrl?: string;
  /** Instead of the configured store (tests). */
  storage?: ObjectStorage;
}

export function createObjectStorage(
  config: StorageConfig,
  options: Pick<StorageModuleOptions, 'fallbackSigningSecret' | 'publicUrl'> = {},
): ObjectStorage {
  if (config.kind === 's3') return new S3Storage(config);
  const secret = config.signingSecret ?? options.fallbackSigningSecret;
  if (!secret) throw new Error('Local storage needs STORAGE_SIGNING_SECRET or a fallback secret');
  return new LocalStorage(config.dir, new UrlSigner(secret), options.publicUrl);
}

/** ObjectStorage (S3 or local) for every module of the process. */
@Module({})
export class StorageModule {
  static forRoot(options: StorageModuleOptions): DynamicModule {
    const settings: StorageSettings = { urlTtlSeconds: options.config.urlTtlSeconds };
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: ObjectStorage,
          useFactory: () => options.storage ?? createObjectStorage(options.config, options),
        },
        { provide: StorageSettings, useValue: settings },
      ],
      exports: [ObjectStorage, StorageSettings],
    };
  }
}
