import { DynamicModule, Module } from '@nestjs/common';
import { LocalStorage } from './local/local-storage';
import { ObjectStorage } from './object-storage';
import { randomBytes } from 'node:crypto';
import { S3Storage } from './s3/s3-storage';
import { StorageConfig } from './storage.config';
import { SIGNED_LINKS_PURPOSE, SignedLinks } from './signed-links';
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

/**
 * Links this process signs and serves itself. Several instances must share the secret (the
 * storage secret, else the JWT secret); without either, a random one serves a single process.
 */
export function createSignedLinks(
  config: StorageConfig,
  options: Pick<StorageModuleOptions, 'fallbackSigningSecret' | 'publicUrl'> = {},
): SignedLinks {
  const secret =
    (config.kind === 'local' ? config.signingSecret : null) ??
    options.fallbackSigningSecret ??
    randomBytes(32).toString('hex');
  return new SignedLinks(new UrlSigner(secret, SIGNED_LINKS_PURPOSE), options.publicUrl);
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
        { provide: SignedLinks, useFactory: () => createSignedLinks(options.config, options) },
      ],
      exports: [ObjectStorage, StorageSettings, SignedLinks],
    };
  }
}
