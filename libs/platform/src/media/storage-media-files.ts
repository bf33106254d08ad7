import { createReadStream } from 'node:fs';
import { MediaFiles, MediaProcessingError, outputKey } from '@dailies/media';
import { ObjectStorage, StorageRefusal, storageKeys } from '@dailies/storage';

/**
 * Processing reads the uploaded original from object storage (S3, or the local store that
 * `npm start` serves) and puts each output beside it under `assets/<id>/v<version>/<name>`.
 * Each version of a stack is its own file asset, so an asset's original is its version's.
 */
export class StorageMediaFiles extends MediaFiles {
  constructor(private readonly storage: ObjectStorage) {
    super();
  }

  async fetchOriginal(assetId: string, _versionId: string, toPath: string): Promise<void> {
    try {
      await this.storage.getObjectToFile(storageKeys.original(assetId), toPath);
    } catch (error) {
      if (error instanceof StorageRefusal && error.code === 'no_such_key') {
        throw new MediaProcessingError(
          'original_missing',
          'The uploaded file is not in storage (the upload never arrived)',
        );
      }
      throw error;
    }
  }

  async storeOutput(
    assetId: string,
    versionId: string,
    name: string,
    fromPath: string,
    contentType: string,
  ): Promise<{ key: string; size: number }> {
    const key = outputKey(assetId, versionId, name);
    // putObject replaces what a previous try stored under the same key: retries never duplicate.
    const stored = await this.storage.putObject(key, createReadStream(fromPath), contentType);
    return { key, size: stored.size };
  }
}
