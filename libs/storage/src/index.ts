export * from './object-storage';
export * from './storage-keys';
export * from './url-signer';
export * from './signed-links';
export * from './storage.config';
export * from './storage.module';
export * from './local/local-storage';
export * from './s3/s3-storage';
